// Replays an LDES with ldes-client and prints the members it emitted, as JSON, on the
// last line: {"members": [{"id": ..., "isVersionOf": ..., "quads": n}, ...]}.
// Usage: node replay.mjs <stream url> [<state path>]
// With a state path the client saves what it has seen there, and a second run from the
// same path emits only what was added since.
import { intoConfig, replicateLDES } from "ldes-client";

const [url, statePath] = process.argv.slice(2);
const IS_VERSION_OF = "http://purl.org/dc/terms/isVersionOf";

const client = replicateLDES(
  intoConfig({ url, statePath, noShape: true, polling: false }),
);
client.on("error", (error) => {
  console.error("ldes-client error", error);
  process.exitCode = 1;
});
const reader = client.stream({ highWaterMark: 10 }).getReader();
const members = [];
for (;;) {
  const { value, done } = await reader.read();
  if (value) {
    const versionOf = value.quads.find(
      (quad) => quad.subject.equals(value.id) && quad.predicate.value === IS_VERSION_OF,
    );
    members.push({
      id: value.id.value,
      isVersionOf: versionOf ? versionOf.object.value : null,
      quads: value.quads.length,
    });
  }
  if (done) break;
}
console.log(JSON.stringify({ members }));
