// SPDX-License-Identifier: Apache-2.0
package no.ipart.examples;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import no.ipart.*;

/**
 * A case-management system's use of libipart (doc/guide-java.md): one
 * stored document per case, one {@link Partnership} per request in
 * try-with-resources, events applied from the case handlers, refusals shown
 * with their rule, and the case page (stage, parties, next deadline).
 * Usage: CaseSystem [document.json]   (default: examples/stavanger-procedure.json)
 */
public final class CaseSystem {
    /** The case store: case id to canonical document. */
    private final Map<String, String> store = new HashMap<>();

    private CaseSystem() {}

    /** Register a case from its document; the store keeps the canonical form. */
    void open(String caseId, String document) {
        try (Partnership p = Partnership.load(document)) {
            store.put(caseId, p.save());
        }
    }

    /** One user action: apply the event and store the result, or explain the refusal. */
    boolean handle(String caseId, String what, String eventJson) {
        try (Partnership p = Partnership.load(store.get(caseId))) {
            p.apply(eventJson);
            store.put(caseId, p.save());
            System.out.println(what + ": accepted (" + p.eventCount() + " events)");
            return true;
        } catch (RuleViolationException e) {
            System.out.println(what + ": refused by " + e.getRule() + " at " + e.getPath()
                               + "\n    " + e.getMessage());
        } catch (IpartException e) {          // EPERM, ESTATE, EINVAL, ... with the same detail
            System.out.println(what + ": refused, " + e.getCodeName() + " (" + e.getKey() + ")"
                               + "\n    " + e.getMessage());
        }
        return false;
    }

    /** The case page. */
    void show(String caseId) {
        try (Partnership p = Partnership.load(store.get(caseId))) {
            System.out.println(caseId + ": " + p.getStage() + ", " + p.eventCount() + " events, awarded "
                               + p.awardedSum().format("nb") + " of " + p.budgetCap().format("nb"));
            for (Party party : p.parties()) {
                if (party.role() != Role.OPERATOR || party.status().equals("partner")
                        || party.status().equals("terminated")) {
                    System.out.println(("  " + party.id() + " " + party.role() + " " + party.status()).stripTrailing());
                }
            }
            p.nextDue().ifPresent(d -> System.out.println("  next: " + d.eventType() + " by "
                                                          + d.date() + " (" + d.kind() + ")"));
        }
    }

    public static void main(String[] args) throws Exception {
        Path path = Path.of(args.length > 0 ? args[0] : "examples/stavanger-procedure.json");
        CaseSystem cases = new CaseSystem();
        cases.open("2017/1234", Files.readString(path, StandardCharsets.UTF_8));
        cases.show("2017/1234");
        String before = cases.store.get("2017/1234");
        cases.handle("2017/1234", "NAV exercises the option",
            "{\"type\":\"option_exercised\",\"date\":\"2019-12-02\",\"actor\":\"nav\","
            + "\"partner\":\"op05\",\"quantity\":5,\"unit_price\":\"240000.00\"}");
        cases.handle("2017/1234", "op11 completes the partnership",
            "{\"type\":\"partnership_completed\",\"date\":\"2019-12-16\",\"actor\":\"op11\","
            + "\"reason\":\"done\"}");
        System.out.println("stored document unchanged: " + before.equals(cases.store.get("2017/1234")));
        cases.handle("2017/1234", "Stavanger completes the partnership",
            "{\"type\":\"partnership_completed\",\"date\":\"2019-12-16\",\"actor\":\"stavanger\","
            + "\"reason\":\"Opsjonene er brukt.\"}");
        cases.show("2017/1234");
    }
}
