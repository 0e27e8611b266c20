// SPDX-License-Identifier: Apache-2.0
package no.ipart.examples;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import no.ipart.*;

/**
 * The Stavanger walk-through through the Java binding: the same document and
 * the same rejected attempts as the C demo (examples/stavanger_demo.c). It
 * reads typed results only (records), never the JSON exports.
 * Usage: StavangerDemo [document.json]   (default: examples/stavanger-procedure.json)
 */
public final class StavangerDemo {
    /** Rejected attempts, keyed by the index of the event they precede. */
    private static final Map<Integer, String[]> ATTEMPTS = Map.ofEntries(
        Map.entry(9, new String[] {"publish the notice with a request deadline three days short",
            "{\"type\":\"notice_published\",\"date\":\"2017-09-15\",\"actor\":\"stavanger\","
            + "\"request_deadline\":\"2017-10-13\",\"channel\":\"Doffin\"}"}),
        Map.entry(56, new String[] {"invite only two of the nineteen qualified candidates",
            "{\"type\":\"candidates_invited\",\"date\":\"2017-10-27\",\"actor\":\"stavanger\","
            + "\"candidates\":[\"op05\",\"op11\"],\"tender_deadline\":\"2017-11-27\",\"reason\":\"the two best\"}"}),
        Map.entry(83, new String[] {"negotiate on a final tender",
            "{\"type\":\"negotiation_held\",\"date\":\"2018-02-13\",\"actor\":\"stavanger\","
            + "\"tenderer\":\"op05\",\"summary\":\"one more round\"}"}),
        Map.entry(88, new String[] {"award four partners, whose development prices exceed NOK 12 million",
            "{\"type\":\"award_decided\",\"date\":\"2018-03-19\",\"actor\":\"stavanger\",\"partners\":"
            + "[{\"tenderer\":\"op05\"},{\"tenderer\":\"op11\"},{\"tenderer\":\"op08\"},{\"tenderer\":\"op20\"}],"
            + "\"reasons\":\"the four best\",\"reason\":\"all four\"}"}),
        Map.entry(89, new String[] {"sign on the last day of the standstill (it ran over Easter)",
            "{\"type\":\"contract_signed\",\"date\":\"2018-04-03\",\"actor\":\"stavanger\",\"partner\":\"op05\"}"}),
        Map.entry(95, new String[] {"terminate op05 in the middle of phase 1",
            "{\"type\":\"phase_gate_decided\",\"date\":\"2018-06-15\",\"actor\":\"stavanger\","
            + "\"partner\":\"op05\",\"phase\":\"p1\",\"decision\":\"terminate\",\"ground\":\"reduce_partners\","
            + "\"targets\":[\"p1.t1\",\"p1.t2\"],\"reason\":\"fewer\"}"}),
        Map.entry(98, new String[] {"pay op08's first instalment although its target p1.t1 was not met",
            "{\"type\":\"instalment_paid\",\"date\":\"2018-06-22\",\"actor\":\"stavanger\","
            + "\"partner\":\"op08\",\"instalment\":\"p1.i1\",\"amount\":\"800000.00\"}"}),
        Map.entry(110, new String[] {"change op05's contract by 10.01 %",
            "{\"type\":\"contract_changed\",\"date\":\"2018-11-15\",\"actor\":\"stavanger\","
            + "\"partner\":\"op05\",\"delta\":\"395395.00\",\"phase\":\"p2\",\"reason\":\"more\"}"}),
        Map.entry(121, new String[] {"exercise the option one øre above the maximum cost",
            "{\"type\":\"option_exercised\",\"date\":\"2019-11-01\",\"actor\":\"stavanger\","
            + "\"partner\":\"op05\",\"quantity\":40,\"unit_price\":\"250000.01\"}"}),
        Map.entry(122, new String[] {"let NAV buy: a follower, but not named as an option holder",
            "{\"type\":\"option_exercised\",\"date\":\"2019-12-02\",\"actor\":\"nav\","
            + "\"partner\":\"op05\",\"quantity\":5,\"unit_price\":\"240000.00\"}"}));

    private static String yes(boolean b) { return b ? "yes" : "no"; }

    public static void main(String[] args) throws Exception {
        System.out.println("libipart " + Ipart.versionString() + " (Java) - Stavanger kommune, \"Leve HELE LIVET\"");
        LocalDate notice = LocalDate.of(2017, 9, 15);
        HolidayCalendar no = new HolidayCalendar("NO");
        System.out.println("  earliest request deadline (R6): " + no.periodEnd(notice, 30));
        Money cap = Money.of(new BigDecimal("12000000.00"), "NOK");
        System.out.println("  development cap: " + cap.format("nb") + " | " + cap.format("en"));

        Path path = Path.of(args.length > 0 ? args[0] : "examples/stavanger-procedure.json");
        String document = Files.readString(path, StandardCharsets.UTF_8);
        try (Partnership reference = Partnership.load(document);
             Partnership p = new Partnership(reference.getProfile())) {
            for (int i = 0; i < reference.eventCount(); i++) {
                String[] attempt = ATTEMPTS.get(i);
                if (attempt != null) {
                    try {
                        p.apply(attempt[1]);
                        throw new AssertionError("accepted: " + attempt[0]);
                    } catch (IpartException e) {
                        System.out.printf("      x refused: %s%n        %s %s %s%n", attempt[0],
                                          e.getCodeName(), e.getRule(), e.getMessage());
                    }
                }
                p.apply(reference.event(i));
                EventHeader head = p.eventHeader(i);
                System.out.printf("  %3d  %s  %-24s %-11s -> %s%n", i, head.date(), head.type(),
                                  head.actor(), p.getStage().jsonName());
                String scope = head.type().equals("instalment_paid") ? "development"
                    : head.type().equals("option_exercised") ? "purchase" : null;
                if (scope != null)
                    for (CapStatus c : p.caps())
                        if (c.scope().equals(scope))
                            System.out.printf("      headroom %-20s %s (%s, at %s)%n", c.cap(),
                                              c.headroom().format("nb"), c.policy(), c.bites());
                for (RuleWarning w : p.warnings())
                    if (w.event() == i)
                        System.out.println("      ! warning " + w.rule() + ": " + w.message());
            }
            ThresholdVerdict v = p.threshold();
            System.out.println("  estimated value (R30): " + v.estimatedValue().format("nb")
                               + ", EEA threshold (R3): " + v.threshold().format("nb"));
            for (Ranked r : p.ranking().orElseThrow())
                System.out.printf("  rank %d: %s %s points%s%n", r.rank(), r.tenderer(), r.points(),
                                  r.tied() ? " (tied)" : "");
            Money awarded = p.awardedSum();
            System.out.println("  awarded " + awarded.format("nb") + " of " + p.budgetCap().format("nb")
                               + ", headroom at the award " + p.budgetCap().subtract(awarded).format("nb"));
            for (String partner : new String[] {"op05", "op11", "op08"}) {
                PartnerStatus s = p.partner(partner);
                System.out.printf("  partner %s: %-17s phase %s, paid %s%n", s.partner(), s.state(),
                                  s.phase().orElse("-"), s.paid().format("nb"));
            }
            System.out.println("  rights to op05.foreground   owns use modify sublicense commercialise");
            for (String party : new String[] {"op05", "stavanger", "baerum", "kristiansand", "nav", "op11"}) {
                Rights r = p.rights(party, "op05.foreground");
                System.out.printf("    %-26s %-4s %-3s %-6s %-10s %s%n", party, yes(r.owns()), yes(r.use()),
                                  yes(r.modify()), yes(r.sublicense()), yes(r.commercialise()));
            }
            for (String party : new String[] {"op05", "op11"})
                System.out.printf("  the view of %s withholds %d of %d events (others' confidential items)%n",
                                  party, p.viewWithheld(party), p.eventCount());
            System.out.println("  saved document identical to the loaded one: "
                               + (p.save().equals(reference.save()) ? "yes" : "NO"));
        }
    }
}
