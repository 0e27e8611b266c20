// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.ipart.swig.IpartCapi;
import no.ipart.swig.ipart_action;
import no.ipart.swig.ipart_event_header;
import no.ipart.swig.ipart_money;
import no.ipart.swig.ipart_partner_instalment;
import no.ipart.swig.ipart_partner_phase;
import no.ipart.swig.ipart_partner_target;
import no.ipart.swig.ipart_partnership;
import no.ipart.swig.ipart_payment;
import no.ipart.swig.ipart_ranked;
import no.ipart.swig.ipart_right_answer;
import no.ipart.swig.ipart_rights_explanation;
import no.ipart.swig.ipart_score;
import no.ipart.swig.ipart_tenderer;

/**
 * The list-shaped queries of a partnership as records, read from the C
 * library's typed count/at accessors (never from JSON). Package-private:
 * {@link Partnership} exposes them.
 */
final class Queries {
    private Queries() {}

    static Money money(ipart_money m) { return Money.fromMinor(m.getMinor(), m.getCurrency()); }

    /** Millionths of a point as a number of points with six decimals. */
    static BigDecimal points(long millionths) { return BigDecimal.valueOf(millionths, 6); }

    static Optional<String> optional(String s) {
        return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    static EventHeader eventHeader(ipart_partnership p, int index) {
        try (ipart_event_header h = new ipart_event_header()) {
            IpartCapi.ipart_partnership_event_header_at(h, p, index);
            return new EventHeader(h.getType(), Dates.fromC(h.getDate()), h.getActor());
        }
    }

    static List<Tenderer> tenderers(ipart_partnership p) {
        List<Tenderer> out = new ArrayList<>();
        long n = IpartCapi.ipart_partnership_tenderer_count(p);
        for (long i = 0; i < n; i++) {
            try (ipart_tenderer t = new ipart_tenderer()) {
                IpartCapi.ipart_partnership_tenderer_at(t, p, i);
                Optional<Tenderer.Tender> tender = t.getHas_tender() == 0 ? Optional.empty()
                    : Optional.of(new Tenderer.Tender(t.getTender_kind(), t.getTender_version(),
                        money(t.getPrice()), money(t.getDevelopment_price()),
                        Dates.fromC(t.getTender_date())));
                out.add(new Tenderer(t.getId(), t.getName(), t.getStatus(), t.getQualified() != 0,
                    t.getInvited() != 0, t.getEliminated() != 0, tender));
            }
        }
        return Collections.unmodifiableList(out);
    }

    static Optional<List<Ranked>> ranking(ipart_partnership p) {
        long n = IpartCapi.ipart_partnership_ranked_count(p);
        if (n == 0)
            return Optional.empty();
        List<Ranked> out = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            try (ipart_ranked r = new ipart_ranked()) {
                IpartCapi.ipart_partnership_ranked_at(r, p, i);
                Map<String, BigDecimal> scores = new LinkedHashMap<>();
                for (long k = 0; k < r.getCriteria(); k++) {
                    try (ipart_score s = new ipart_score()) {
                        IpartCapi.ipart_partnership_ranked_score_at(s, p, i, k);
                        scores.put(s.getCriterion(), points(s.getPoints()));
                    }
                }
                out.add(new Ranked(r.getTenderer(), r.getRank(), r.getTied() != 0,
                    points(r.getTotal()), Collections.unmodifiableMap(scores)));
            }
        }
        return Optional.of(Collections.unmodifiableList(out));
    }

    static List<Action> actions(ipart_partnership p, String actor) {
        List<Action> out = new ArrayList<>();
        long n = IpartCapi.ipart_partnership_action_count(p);
        for (long i = 0; i < n; i++) {
            try (ipart_action a = new ipart_action()) {
                IpartCapi.ipart_partnership_action_at(a, p, actor, i);
                boolean allowed = a.getAllowed() != 0;
                out.add(new Action(a.getType(), allowed,
                    allowed ? Optional.empty() : Optional.of(IpartCapi.ipart_error_name(a.getCode())),
                    optional(a.getRule()), allowed ? Optional.empty() : Optional.of(a.getReason()),
                    allowed ? Optional.empty() : Optional.of(a.getReason_nb())));
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static PartnerPhase phase(ipart_partnership p, String partner, long k,
                                      ipart_partner_phase ph) {
        List<PartnerPhase.Target> targets = new ArrayList<>();
        for (long i = 0; i < ph.getTarget_count(); i++) {
            try (ipart_partner_target t = new ipart_partner_target()) {
                IpartCapi.ipart_partnership_partner_target_at(t, p, partner, k, i);
                targets.add(new PartnerPhase.Target(t.getId(), t.getStatus()));
            }
        }
        List<PartnerPhase.Instalment> instalments = new ArrayList<>();
        for (long i = 0; i < ph.getInstalment_count(); i++) {
            try (ipart_partner_instalment in = new ipart_partner_instalment()) {
                IpartCapi.ipart_partnership_partner_instalment_at(in, p, partner, k, i);
                instalments.add(new PartnerPhase.Instalment(in.getId(), in.getTarget(),
                    money(in.getAmount()), money(in.getPaid()), in.getPayable() != 0));
            }
        }
        return new PartnerPhase(ph.getId(), ph.getKind(), Dates.fromC(ph.getDue()),
            money(ph.getPrice()), ph.getState(), Collections.unmodifiableList(targets),
            Collections.unmodifiableList(instalments));
    }

    static List<PartnerPhase> partnerPhases(ipart_partnership p, String partner) {
        List<PartnerPhase> out = new ArrayList<>();
        long n = IpartCapi.ipart_partnership_partner_phase_count(p, partner);
        for (long k = 0; k < n; k++) {
            try (ipart_partner_phase ph = new ipart_partner_phase()) {
                IpartCapi.ipart_partnership_partner_phase_at(ph, p, partner, k);
                out.add(phase(p, partner, k, ph));
            }
        }
        return Collections.unmodifiableList(out);
    }

    static Forecast forecast(ipart_partnership p) {
        List<Forecast.Payment> rows = new ArrayList<>();
        long n = IpartCapi.ipart_partnership_payment_count(p);
        for (long i = 0; i < n; i++) {
            try (ipart_payment x = new ipart_payment()) {
                IpartCapi.ipart_partnership_payment_at(x, p, i);
                rows.add(new Forecast.Payment(x.getPartner(), optional(x.getPhase()),
                    optional(x.getInstalment()),
                    x.getHas_due() != 0 ? Optional.of(Dates.fromC(x.getDue())) : Optional.empty(),
                    money(x.getAmount()), x.getPayable() != 0));
            }
        }
        try (ipart_money total = new ipart_money()) {
            IpartCapi.ipart_partnership_payment_total(total, p);
            return new Forecast(Collections.unmodifiableList(rows), money(total));
        }
    }

    static Rights rights(ipart_partnership p, int eventCount, String party, String asset) {
        ipart_rights_explanation[] out = new ipart_rights_explanation[1];
        IpartCapi.ipart_partnership_rights_explain(out, p, eventCount, party, asset);
        try (ipart_rights_explanation x = out[0]) {
            Map<String, Rights.Right> why = new LinkedHashMap<>();
            long n = IpartCapi.ipart_rights_explanation_count(x);
            for (long i = 0; i < n; i++) {
                try (ipart_right_answer a = new ipart_right_answer()) {
                    IpartCapi.ipart_rights_explanation_at(a, x, i);
                    why.put(a.getRight(), new Rights.Right(a.getAnswer() != 0, a.getClause(),
                        a.getRule(), a.getReason(),
                        IpartCapi.ipart_rights_explanation_reason(x, i, "nb")));
                }
            }
            return new Rights(IpartCapi.ipart_rights_explanation_party(x),
                IpartCapi.ipart_rights_explanation_asset(x),
                Math.toIntExact(IpartCapi.ipart_rights_explanation_event_count(x)),
                why.get("owns").answer(), why.get("use").answer(), why.get("modify").answer(),
                why.get("sublicense").answer(), why.get("commercialise").answer(),
                Collections.unmodifiableMap(why));
        }
    }
}
