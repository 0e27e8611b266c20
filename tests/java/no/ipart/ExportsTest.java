// SPDX-License-Identifier: Apache-2.0
package no.ipart;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Test;

/** The exports and the message catalogue from Java, against the golden files of tests/cases/exports. */
public class ExportsTest {
    private static final String[] PROCEDURES = {"stavanger", "no_without_reduction", "no_authority_owns",
                                                "se_initial_award", "se_negotiated", "dk_procedure",
                                                "consortium_ostfold", "funding_innovasjon_norge"};
    /** Cases with a market dialogue but (DK) no notice yet: their pre-market consultation notice (E1). */
    private static final String[] DIALOGUES = {"troms_finnmark_dialogue", "dk_need_mapping"};

    private static Partnership load(String name) {
        return Partnership.loads(Cases.load("procedure/" + name + ".json").getAsJsonObject()
                                    .get("document").toString());
    }

    private static String golden(String relative) {
        Path path = Path.of(System.getProperty("ipart.cases"), "exports", relative);
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + path, e);
        }
    }

    /** The party whose items a party sees: a consortium member its consortium's (R52). */
    private static String seenAs(Partnership p, Party party) {
        if (party.role() != Role.MEMBER)
            return party.id();
        for (String text : p.events()) {
            JsonObject ev = JsonParser.parseString(text).getAsJsonObject();
            if (!ev.get("type").getAsString().equals("participation_requested"))
                continue;
            JsonObject op = ev.getAsJsonObject("operator");
            if (op.has("members"))
                for (JsonElement m : op.getAsJsonArray("members"))
                    if (m.getAsJsonObject().get("id").getAsString().equals(party.id()))
                        return op.get("id").getAsString();
        }
        throw new AssertionError("no consortium names " + party.id());
    }

    private static String authority(Partnership p) {
        for (Party party : p.parties())
            if (party.role() == Role.AUTHORITY)
                return party.id();
        throw new AssertionError("no authority");
    }

    @Test
    public void everyMessageHasNorwegianAndEnglish() {
        List<String> keys = Messages.keys();
        assertTrue(keys.size() > 90);
        for (String key : keys) {
            assertTrue(key + " nb", Messages.has(key, "nb"));
            assertTrue(key + " en", Messages.has(key, "en"));
        }
        assertEquals("Anskaffelsesprotokoll", Messages.text("record.title", "nb"));
        assertEquals("Procurement record", Messages.text("record.title", "sv"));
        assertEquals("en", Messages.language("sv"));
        assertNull(Messages.text("no.such.key", "en"));
    }

    /** R41: the record names the selected and rejected candidates and the partners, with reasons. */
    @Test
    public void r41RecordHoldsTheFieldsOfArt84() {
        try (Partnership p = load("stavanger")) {
            JsonObject r = JsonParser.parseString(p.recordJson("stavanger", "nb")).getAsJsonObject();
            assertEquals("R41", r.get("rule").getAsString());
            JsonObject candidates = r.getAsJsonObject("candidates");
            assertEquals(6, candidates.getAsJsonArray("selected").size());
            assertEquals(3, candidates.getAsJsonArray("rejected").size());
            assertEquals(3, r.getAsJsonObject("award").getAsJsonArray("partners").size());
            assertTrue(p.recordText("stavanger", "en").contains("NOK 42,000,000.00"));
            Cases.expectError("unknown party", "IPART_ENOTFOUND", () -> p.recordJson("nobody", "en"));
        }
    }

    /** One ocid, "selective" + "Innovation partnership", one contract per partner. */
    @Test
    public void ocdsPackageHasAContractPerPartner() {
        try (Partnership p = load("stavanger")) {
            JsonObject pkg = JsonParser.parseString(p.ocdsJson("ocds-abc123-1", "stavanger", "en")).getAsJsonObject();
            JsonObject compiled = pkg.getAsJsonArray("records").get(0).getAsJsonObject()
                .getAsJsonObject("compiledRelease");
            assertEquals("ocds-abc123-1", compiled.get("ocid").getAsString());
            JsonObject tender = compiled.getAsJsonObject("tender");
            assertEquals("selective", tender.get("procurementMethod").getAsString());
            assertEquals("Innovation partnership", tender.get("procurementMethodDetails").getAsString());
            assertEquals(3, compiled.getAsJsonArray("contracts").size());
            JsonObject own = JsonParser.parseString(p.ocdsJson("ocds-abc123-1", "op05", "en")).getAsJsonObject()
                .getAsJsonArray("records").get(0).getAsJsonObject().getAsJsonObject("compiledRelease");
            assertEquals(1, own.getAsJsonArray("contracts").size());
            Cases.expectError("empty ocid", "IPART_EINVAL", () -> p.ocdsJson("", "stavanger", "en"));
        }
    }

    /** The contract notice: BT-105 innovation, BT-50/51/52, BT-1311 and the maximum value (R31). */
    @Test
    public void r31ContractNoticePublishesTheMaximumValue() {
        try (Partnership p = load("stavanger")) {
            String settings = settings();
            JsonObject map = JsonParser.parseString(p.eformsMapJson("16", "stavanger", settings)).getAsJsonObject();
            assertEquals("innovation", map.getAsJsonArray("BT-105-Procedure").get(0).getAsString());
            assertEquals("42000000.00", map.getAsJsonArray("BT-27-Procedure").get(0).getAsString());
            assertEquals("3", map.getAsJsonArray("BT-50-Lot").get(0).getAsString());
            assertTrue(p.eformsXml("16", "stavanger", settings).contains(
                "<cbc:ProcedureCode listName=\"procurement-procedure-type\">innovation</cbc:ProcedureCode>"));
            JsonObject award = JsonParser.parseString(p.eformsMapJson("29", "op05", settings)).getAsJsonObject();
            assertEquals(3, award.getAsJsonArray("OPT-321-Tender").size());
            Cases.expectError("subtype", "IPART_EINVAL", () -> p.eformsXml("99", "stavanger", settings));
            assertEquals(golden("stavanger/eforms.38.xml"), p.eformsXml("38", "stavanger", settings));
            Cases.expectError("another partner's change", "IPART_ESTATE",
                              () -> p.eformsXml("38", "op11", settings));
        }
    }

    /** The settings the golden eForms files were written with. */
    private static String settings() {
        return golden("eforms-settings.json");
    }

    @Test
    public void recordsMatchTheirGoldenFiles() {
        for (String name : PROCEDURES) {
            try (Partnership p = load(name)) {
                String a = authority(p);
                for (String lang : new String[] {"nb", "en"}) {
                    assertEquals(name, golden(name + "/record." + lang + ".json"), p.recordJson(a, lang));
                    assertEquals(name, golden(name + "/record." + lang + ".txt"), p.recordText(a, lang));
                    assertEquals(name, golden(name + "/ocds." + lang + ".json"),
                                 p.ocdsJson("ocds-ipart01-golden", a, lang));
                }
                for (String subtype : new String[] {"E1", "16", "29"}) {
                    assertEquals(name, golden(name + "/eforms." + subtype + ".xml"),
                                 p.eformsXml(subtype, a, settings()));
                    assertEquals(name, golden(name + "/eforms." + subtype + ".map.json"),
                                 p.eformsMapJson(subtype, a, settings()));
                }
            }
        }
    }

    /**
     * E1, the pre-market consultation notice: as its golden file, the same for
     * every party (it publishes only the dialogue open to all and what was
     * shared with all, R50), and refused before any such dialogue.
     */
    @Test
    public void consultationNoticeIsPublicAndMatchesItsGoldenFile() {
        String settings = settings();
        for (String name : DIALOGUES) {
            try (Partnership p = load(name)) {
                String a = authority(p);
                String notice = p.eformsXml("E1", a, settings);
                assertEquals(name, golden(name + "/eforms.E1.xml"), notice);
                assertEquals(name, golden(name + "/eforms.E1.map.json"), p.eformsMapJson("E1", a, settings));
                for (Party party : p.parties())
                    assertEquals(name + " " + party.id(), notice, p.eformsXml("E1", party.id(), settings));
            }
        }
        try (Partnership p = load("troms_finnmark_dialogue")) {
            JsonObject map = JsonParser.parseString(p.eformsMapJson("E1", "tffk", settings)).getAsJsonObject();
            assertEquals("2021-02-17+01:00", map.getAsJsonArray("BT-800(d)-Lot").get(0).getAsString());
            assertFalse(map.getAsJsonArray("BT-300-Procedure").get(0).getAsString()
                            .contains("Arctic Mobility presenterte"));
        }
        JsonObject document = Cases.load("procedure/troms_finnmark_dialogue.json").getAsJsonObject()
                                   .getAsJsonObject("document");
        JsonArray events = document.getAsJsonArray("events");
        while (events.size() > 4)
            events.remove(4);
        try (Partnership early = Partnership.loads(document.toString())) {
            Cases.expectError("no dialogue yet", "IPART_ESTATE", () -> early.eformsXml("E1", "tffk", settings));
        }
    }

    /** An operator's record lists no other operator among candidates and rejected tenders. */
    @Test
    public void noRecordNamesAnotherOperatorsCandidacy() {
        for (String name : PROCEDURES) {
            try (Partnership p = load(name)) {
                for (Party party : p.parties()) {
                    if (party.role() == Role.AUTHORITY)
                        continue;
                    JsonObject r = JsonParser.parseString(p.recordJson(party.id(), "en")).getAsJsonObject();
                    JsonObject c = r.getAsJsonObject("candidates");
                    JsonArray[] lists = {c.getAsJsonArray("selected"), c.getAsJsonArray("rejected"),
                                         c.getAsJsonArray("not_invited"),
                                         r.getAsJsonObject("tenders").getAsJsonArray("rejected")};
                    for (JsonArray list : lists)
                        for (JsonElement e : list)
                            assertEquals(name, seenAs(p, party), e.getAsJsonObject().get("id").getAsString());
                }
            }
        }
    }

    /**
     * R19/R37 for OCDS and eForms: an operator's OCDS package holds no other
     * partner's contract, a follower's none, and the notices (public by
     * nature) are the same for every party that reaches them.
     */
    @Test
    public void noOcdsPackageOrNoticeShowsAnotherOperatorsItems() {
        for (String name : PROCEDURES) {
            try (Partnership p = load(name)) {
                String a = authority(p);
                String notice16 = p.eformsXml("16", a, settings());
                String notice29 = p.eformsXml("29", a, settings());
                String noticeE1 = p.eformsXml("E1", a, settings());
                for (Party party : p.parties()) {
                    JsonObject compiled = JsonParser.parseString(p.ocdsJson("ocds-x", party.id(), "en"))
                        .getAsJsonObject().getAsJsonArray("records").get(0).getAsJsonObject()
                        .getAsJsonObject("compiledRelease");
                    JsonArray contracts = compiled.has("contracts") ? compiled.getAsJsonArray("contracts")
                                                                    : new JsonArray();
                    for (JsonElement c : contracts)
                        assertTrue(name + ": " + party.id() + " sees " + c,
                                   party.role() == Role.AUTHORITY || c.getAsJsonObject().get("id")
                                       .getAsString().equals("ocds-x-contract-" + seenAs(p, party)));
                    if (party.role() == Role.FOLLOWER)
                        assertEquals(name, 0, contracts.size());
                    assertEquals(name, notice16, p.eformsXml("16", party.id(), settings()));
                    assertEquals(name, notice29, p.eformsXml("29", party.id(), settings()));
                    assertEquals(name, noticeE1, p.eformsXml("E1", party.id(), settings()));
                }
            }
        }
    }
}
