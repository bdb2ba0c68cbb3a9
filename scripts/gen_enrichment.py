#!/usr/bin/env python3
"""Writes bundle/registry/enrichment.ftm.jsonl from the seed registry.

The enrichment gives registry bodies the end-user categories the rules use (endUserCategory,
plus the FtM topic where FtM has one) and the abuse records documented by the reasons of their
listings (abuseRecord). Categories restate what the seed's own sourced description says of the
body, so each fragment cites the body's own sourceUrl; abuse records cite the Sanction whose
published reason documents them. Re-run after changing the seed:

    python3 scripts/gen_enrichment.py bundle/registry/seed.ftm.jsonl > bundle/registry/enrichment.ftm.jsonl
"""
import json, sys

CATEGORIES = {
    "police_public_security": ["org-mps", "org-xuar-psb", "org-xpcc-psb", "org-shanghai-psb", "org-guilin-psb",
                               "org-jingjiang-psb", "org-lingchuan-psb", "org-ifs-mps", "org-ar-caba-mjys"],
    "paramilitary": ["org-xpcc", "org-xpcc-psb"],
    "state_owned_enterprise": ["org-xpcc", "org-caeit"],
    "security_affiliated_academia": ["org-ppsuc", "org-xinjiang-police-college", "org-shihezi-university",
                                     "org-xinjiang-normal-university"],
    "education_institution": ["org-ppsuc", "org-xinjiang-police-college", "org-shihezi-university",
                              "org-xinjiang-normal-university"],
    "border_immigration": ["org-kr-incheon-immigration", "org-kr-moj"],
    "civil_government": ["org-kr-moj", "org-kr-msit", "org-kr-pipc", "org-moyu-county", "org-ndrc",
                         "org-ru-moscow-dit", "org-hk-ogcio", "org-fr-cnil", "org-gr-hdpa", "org-it-garante",
                         "org-nl-ap", "org-uk-ico", "org-ar-caba-mjys"],
    "integrator_reseller": ["co-danaide"],
}
# FtM topics (https://followthemoney.tech/explorer/types/topic/) where one fits the category.
TOPICS = {"police_public_security": "gov.security", "border_immigration": "gov.security",
          "paramilitary": "mil", "state_owned_enterprise": "gov.soe", "civil_government": "gov"}

# Phrases in a listing's published reason, and the abuse record they document.
REASONS = [
    ("arbitrary detention", "arbitrary_detention"),
    ("mass detention", "arbitrary_detention"),
    ("uighur", "persecution_of_minority"),
    ("uyghur", "persecution_of_minority"),
    ("muslim minorit", "persecution_of_minority"),
    ("ethnic minorit", "persecution_of_minority"),
    ("high-technology surveillance", "misuse_of_surveillance_tools"),
    ("high technology surveillance", "misuse_of_surveillance_tools"),
    ("torture", "torture_or_ill_treatment"),
    ("degrading treatment", "torture_or_ill_treatment"),
    ("journalist", "surveillance_of_journalists"),
    ("human rights defender", "surveillance_of_hrds"),
    ("activists", "surveillance_of_hrds"),
]

ents = {}
for line in open(sys.argv[1], encoding="utf-8"):
    e = json.loads(line)
    ents[e["id"]] = e
# The prefecture and city bureaus under the XUAR Public Security Bureau.
CATEGORIES["police_public_security"] += sorted(i for i in ents if i.startswith("org-xj-psb-"))

out = {}
def frag(eid):
    if eid not in out:
        out[eid] = {"id": eid, "schema": ents[eid]["schema"], "properties": {
            "endUserCategory": [], "abuseRecord": [], "topics": [], "sourceUrl": [], "notes": []}}
    return out[eid]["properties"]

def add(lst, v):
    if v not in lst:
        lst.append(v)

for cat, ids in CATEGORIES.items():
    for eid in ids:
        assert eid in ents, eid
        p = frag(eid)
        add(p["endUserCategory"], cat)
        if cat in TOPICS:
            add(p["topics"], TOPICS[cat])
        for u in ents[eid]["properties"].get("sourceUrl", []):
            add(p["sourceUrl"], u)
        add(p["notes"], "endUserCategory restates the sourced description of this body in the seed registry")

for s in ents.values():
    if s["schema"] != "Sanction":
        continue
    reason = " ".join(s["properties"].get("reason", [])).lower()
    found = [rec for phrase, rec in REASONS if phrase in reason]
    if not found:
        continue
    for eid in s["properties"]["entity"]:
        if ents[eid]["schema"] not in ("PublicBody", "Organization", "Company"):
            continue
        p = frag(eid)
        for rec in found:
            add(p["abuseRecord"], rec)
        for u in s["properties"].get("sourceUrl", []):
            add(p["sourceUrl"], u)
        add(p["notes"], "abuseRecord from the published reason of %s" % s["id"])

for eid in sorted(out):
    e = out[eid]
    e["properties"] = {k: v for k, v in e["properties"].items() if v}
    print(json.dumps(e, ensure_ascii=False))
