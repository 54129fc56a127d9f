// Optional, not run by Maven (it needs the npm package): parses every card the Teams channel renders with
// Microsoft's `adaptivecards` library and prints its validation events. The cards are written by AnswerCardTest.
//
//   npm install --prefix /tmp/acv adaptivecards@3
//   mvn -B -q test -Dtest=AnswerCardTest
//   NODE_PATH=/tmp/acv/node_modules node src/test/node/check-cards.js target/teams-cards.json
const AC = require("adaptivecards/dist/adaptivecards.js");
const fs = require("fs");
const cards = JSON.parse(fs.readFileSync(process.argv[2] || "target/teams-cards.json", "utf8"));
let bad = 0;
cards.forEach((json, i) => {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(json, context);
  const events = [];
  for (let k = 0; k < context.eventCount; k++) events.push(context.getEventAt(k).message);
  card.validateProperties().validationEvents.forEach(e => events.push(e.message));
  console.log(i, events.length ? JSON.stringify(events) : "ok");
  if (events.length) bad++;
});
console.log(cards.length + " cards, " + bad + " with problems");
process.exit(bad ? 1 : 0);
