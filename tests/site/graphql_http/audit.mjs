// The GraphQL-over-HTTP audit of the reference package graphql-http against a running
// Vitrine server. Prints one JSON line: {"results": [{id, name, status, reason}]}.
// Used by tests/site/test_graphql_http_audit.py; by hand:
//   node audit.mjs http://localhost:8000/graphql/
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs <graphql url>');
  process.exit(2);
}

const results = await auditServer({ url });
const summary = await Promise.all(
  results.map(async (result) => {
    const entry = { id: result.id, name: result.name, status: result.status };
    if (result.status !== 'ok') {
      entry.reason = result.reason;
      if (result.response) {
        entry.responseStatus = result.response.status;
        try {
          entry.responseBody = (await result.response.text()).slice(0, 300);
        } catch {
          // the audit may have read the body already
        }
      }
    }
    return entry;
  }),
);
console.log(JSON.stringify({ results: summary }));
