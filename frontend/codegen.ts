/**
 * GraphQL Code Generator: typed documents from the committed ../schema.graphql.
 *
 * Each `*.graphql` file under src/ gets a `*.generated.ts` beside it (near-operation-file),
 * so engineers adding a page only add files and never edit a shared generated module;
 * the schema's input and enum types live once in src/graphql/schema-types.ts.
 * `npm run codegen:check` fails when a generated file is stale (run by `make test`).
 */
import type { CodegenConfig } from "@graphql-codegen/cli";

const scalars = {
  Date: "string",
  DateTime: "string",
  UUID: "string",
  JSONString: "string",
  PositiveInt: "number",
  Decimal: "string",
  GenericScalar: "unknown",
};

const config: CodegenConfig = {
  schema: "../schema.graphql",
  documents: "src/**/*.graphql",
  emitLegacyCommonJSImports: false,
  generates: {
    "src/graphql/schema-types.ts": {
      plugins: ["typescript"],
      config: { onlyOperationTypes: true, enumsAsTypes: true, scalars, avoidOptionals: false },
    },
    "src/graphql/possible-types.ts": {
      plugins: ["fragment-matcher"],
      config: { useExplicitTyping: true },
    },
    "src/": {
      preset: "near-operation-file",
      presetConfig: { extension: ".generated.ts", baseTypesPath: "graphql/schema-types.ts" },
      plugins: ["typescript-operations", "typed-document-node"],
      config: { enumsAsTypes: true, scalars, useTypeImports: true, dedupeFragments: true, nonOptionalTypename: true },
    },
  },
  hooks: {},
};

export default config;
