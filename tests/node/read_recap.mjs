// A headless client reading a conference with nothing but fetch (Node >= 18).
//
//   CONFRECAP_SITE=http://localhost:8080/Plone CONFRECAP_CONFERENCE=pwc2023 \
//     node tests/node/read_recap.mjs
//
// Exits non-zero (with the failed assertion) if the API does not give what a
// static-site generator needs. Run by tests/functional/test_restapi_node.py.
import assert from "node:assert/strict";

const site = process.env.CONFRECAP_SITE;
const conference = process.env.CONFRECAP_CONFERENCE;
const secrets = JSON.parse(process.env.CONFRECAP_SECRETS || "[]");
assert.ok(site && conference, "set CONFRECAP_SITE and CONFRECAP_CONFERENCE");

async function get(path) {
  const response = await fetch(`${site}/++api++/${path}`, {
    headers: { Accept: "application/json" },
  });
  const text = await response.text();
  assert.equal(response.status, 200, `${path}: ${response.status} ${text}`);
  for (const secret of secrets) {
    assert.ok(!text.includes(secret), `${path} leaks ${secret}`);
  }
  return JSON.parse(text);
}

const recap = await get(`${conference}/@recap`);
assert.equal(recap.conference.title, "Python Web Conference 2023");
assert.deepEqual(recap.conference.conference_format, {
  token: "online",
  title: "Online",
});
assert.deepEqual(
  recap.recaps_by_track.map((group) => group.track),
  ["App Dev", "Cloud"],
);
const keynote = recap.recaps_by_track[1].recaps[0];
assert.equal(keynote.speakers[0].name, "Pamela Fox");
assert.equal(keynote.talk_kind.token, "keynote");

const speakers = await get(`${conference}/@speakers?b_size=1`);
assert.equal(speakers.items_total, 2);
assert.equal(speakers.items[0].name, "Pamela Fox");
assert.ok(speakers.batching.next, "a next page link");
const next = await fetch(speakers.batching.next, {
  headers: { Accept: "application/json" },
}).then((response) => response.json());
assert.equal(next.items[0].name, "The Six Feet Up team");

const resources = await get(`${conference}/@resources?kind=tool`);
assert.deepEqual(
  resources.items.map((item) => item.url),
  ["https://htmx.org"],
);
assert.equal(resources.items[0].cited_in[0].title, "Links we collected");

const bad = await fetch(`${site}/++api++/${conference}/@resources?kind=podcast`, {
  headers: { Accept: "application/json" },
});
assert.equal(bad.status, 400);
const { error } = await bad.json();
assert.equal(error.type, "BadRequest");
assert.equal(error.field, "kind");

console.log(
  `ok: ${recap.recaps_total} recaps, ${speakers.items_total} speakers, ` +
    `${resources.items_total} tool(s)`,
);
