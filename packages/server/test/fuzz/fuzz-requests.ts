import fc from 'fast-check';
import { type BrokenBody, brokenBody, toJsonText } from './body-mutations';
import {
  asHeaderValue,
  hostileAcceptLanguages,
  hostileAuthorization,
  hostileCursors,
  hostileDates,
  hostileIdempotencyKeys,
  hostileIfMatch,
  hostileJsonTexts,
  hostileQueryNumbers,
  hostileStrings,
  hostileUrlTexts,
  mismatchedContentTypes,
} from './hostile-values';
import { brokenForm, type FormSpec, uploadRoutes, validForm } from './multipart-forms';
import { type Method, type Operation, resourceOfPath } from './openapi-operations';
import { type PropertyHints, validValue } from './schema-arbitraries';
import type { Dataset } from './seed-dataset';

export interface FuzzRequest {
  operation: string;
  /** `valid`, or what was broken on purpose. */
  intent: string;
  method: Method;
  url: string;
  headers: Record<string, string>;
  jsonText?: string;
  form?: FormSpec;
}

/** URL text as a client sends it: percent-encoded UTF-8, and short enough to pass an HTTP server's header limit. */
function urlText(value: string): string {
  const wellFormed = value.slice(0, 2_000).replace(/\p{Cs}/gu, '\uFFFD');
  return encodeURIComponent(wellFormed);
}

type QueryPairs = [string, string][];

function queryString(pairs: QueryPairs): string {
  return pairs.length === 0 ? '' : `?${pairs.map(([k, v]) => `${urlText(k)}=${v}`).join('&')}`;
}

function asQueryValue(value: unknown): string {
  return urlText(typeof value === 'string' ? value : JSON.stringify(value));
}

type PathValues = Record<string, string>;
type RequestBody = { jsonText?: string; form?: FormSpec };

interface Parts {
  path: PathValues;
  query: QueryPairs;
  headers: Record<string, string>;
  jsonText?: string;
  form?: FormSpec;
}

function assemble(op: Operation, intent: string, parts: Parts): FuzzRequest {
  const path = op.path.replace(/\{(\w+)\}/g, (whole, name: string) => parts.path[name] ?? whole);
  const headers = { ...parts.headers };
  if (parts.jsonText !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
    headers['content-type'] = 'application/json';
  }
  return {
    operation: op.key,
    intent,
    method: op.method,
    url: path + queryString(parts.query),
    headers,
    jsonText: parts.jsonText,
    form: parts.form,
  };
}

/** Arbitraries for one operation against the current dataset: valid requests and requests broken one way. */
export function requestArbitrary(op: Operation, dataset: Dataset, hints: PropertyHints): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const upload = uploadRoutes[op.key];

  // `{id}` takes the id of a record of the path's resource; other path parameters come from their schema.
  const realIds = (dataset.ids[resourceOfPath(op.path)] ?? []).filter((id) => !dataset.protectedIds.has(id));
  const validPathValue = (name: string, param: (typeof pathParams)[number]): fc.Arbitrary<string> =>
    name === 'id' && realIds.length > 0
      ? fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...realIds) }, { weight: 1, arbitrary: fc.uuid() })
      : validValue(param.schema, hints, name).map(asQueryValue);
  const validPath: fc.Arbitrary<PathValues> = fc.record(
    Object.fromEntries(pathParams.map((p) => [p.name, validPathValue(p.name, p)])),
  );

  const validQuery: fc.Arbitrary<QueryPairs> = fc
    .tuple(
      ...queryParams.map((p) => {
        const value = validValue(p.schema, hints, p.name).map((v) => [p.name, asQueryValue(v)] as [string, string]);
        return p.required
          ? value.map((pair) => [pair])
          : fc.option(value, { freq: 2 }).map((pair) => (pair ? [pair] : []));
      }),
    )
    .map((lists) => lists.flat());

  const validBody: fc.Arbitrary<RequestBody> = upload
    ? validForm(upload).map((form) => ({ form }))
    : op.body
      ? validValue(op.body, hints).map((value) => ({ jsonText: toJsonText(value) }))
      : fc.constant({});

  const validHeaders: fc.Arbitrary<Record<string, string>> = fc
    .record(
      {
        'if-match': fc.constantFrom('"1"', '"2"', '*'),
        'idempotency-key': fc.uuid(),
        'accept-language': fc.constantFrom('en', 'zh-CN', 'en-GB,en;q=0.8'),
      },
      { requiredKeys: [] },
    )
    .map((headers) => {
      const sent: Record<string, string> = { ...headers };
      if (op.method !== 'POST') delete sent['idempotency-key'];
      if (op.method === 'GET' || op.method === 'POST') delete sent['if-match'];
      return sent;
    });

  type Valid = { path: PathValues; query: QueryPairs; headers: Record<string, string>; body: RequestBody };
  const valid: fc.Arbitrary<Valid> = fc.record({
    path: validPath,
    query: validQuery,
    headers: validHeaders,
    body: validBody,
  });
  const build = (intent: string, v: Valid, changes: Partial<Parts> = {}) =>
    assemble(op, intent, { path: v.path, query: v.query, headers: v.headers, ...v.body, ...changes });

  const branches: fc.WeightedArbitrary<FuzzRequest>[] = [
    { weight: 3, arbitrary: valid.map((v) => build('valid', v)) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(valid, badHeaders(op))
        .map(([v, bad]) => build(bad.how, v, { headers: { ...v.headers, ...bad.headers }, ...(bad.body ?? {}) })),
    },
  ];
  if (op.body) {
    const broken = fc
      .tuple(
        valid,
        validValue(op.body, hints).chain((value) => brokenBody(value)),
      )
      .map(([v, b]) => build(`body: ${b.how}`, v, bodyOf(b)));
    branches.push({ weight: 6, arbitrary: broken });
  } else if (upload) {
    const broken = fc.tuple(valid, brokenForm(upload)).map(([v, b]) => build(`form: ${b.how}`, v, { form: b.form }));
    branches.push({ weight: 6, arbitrary: broken });
  } else if (op.method !== 'GET') {
    const unexpected = fc
      .tuple(valid, fc.constantFrom(...hostileJsonTexts))
      .map(([v, text]) => build('unexpected body', v, { jsonText: text }));
    branches.push({ weight: 1, arbitrary: unexpected });
  }
  const target = pathParams.find((p) => p.name === 'id') ?? pathParams[0];
  if (target) {
    const badPath = fc
      .tuple(valid, badPathValue(dataset, target.name === 'id' ? realIds : []))
      .map(([v, value]) =>
        build(`path ${target.name} ${value.slice(0, 60)}`, v, { path: { ...v.path, [target.name]: value } }),
      );
    branches.push({ weight: 2, arbitrary: badPath });
  }
  const badQuery = fc
    .tuple(valid, badQueryPair(op, dataset))
    .map(([v, pair]) => build(`query ${pair[0]}=${pair[1].slice(0, 60)}`, v, { query: [...v.query, pair] }));
  branches.push({ weight: queryParams.length > 0 ? 2 : 1, arbitrary: badQuery });
  return fc.oneof(...branches);
}

function bodyOf(broken: BrokenBody): { jsonText: string } {
  if (broken.text !== undefined) return { jsonText: broken.text };
  return { jsonText: broken.value === undefined ? '' : toJsonText(broken.value) };
}

function badPathValue(dataset: Dataset, realIds: string[]): fc.Arbitrary<string> {
  const otherIds = Object.values(dataset.ids)
    .flat()
    .filter((id) => !dataset.protectedIds.has(id));
  const options: fc.Arbitrary<string>[] = [
    fc.uuid(),
    fc.constantFrom('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff'),
    fc.constantFrom(...hostileUrlTexts),
    fc.constantFrom(...hostileStrings).map(urlText),
    fc.constantFrom(...otherIds),
  ];
  if (realIds.length > 0) {
    options.push(
      fc
        .tuple(fc.constantFrom(...realIds), fc.constantFrom('upper', 'braces', 'suffix', 'truncate', 'no-dashes'))
        .map(([id, how]) =>
          how === 'upper'
            ? id.toUpperCase()
            : how === 'braces'
              ? urlText(`{${id}}`)
              : how === 'suffix'
                ? `${id}0`
                : how === 'truncate'
                  ? id.slice(0, 35)
                  : id.replaceAll('-', ''),
        ),
    );
  }
  return fc.oneof(...options);
}

function badQueryPair(op: Operation, dataset: Dataset): fc.Arbitrary<[string, string]> {
  const names = [
    ...op.parameters.filter((p) => p.in === 'query').map((p) => p.name),
    'unknownParam',
    'limit',
    'cursor',
  ];
  const value = fc.oneof(
    fc.constantFrom(...hostileQueryNumbers).map(urlText),
    fc.constantFrom(...hostileDates).map(urlText),
    fc.constantFrom(...hostileCursors(), ...dataset.cursors).map(urlText),
    fc.constantFrom(...hostileStrings).map(urlText),
    fc.constantFrom(...hostileUrlTexts),
  );
  return fc.tuple(fc.constantFrom(...names), value);
}

interface BadHeaders {
  how: string;
  headers: Record<string, string>;
  body?: RequestBody;
}

function badHeaders(op: Operation): fc.Arbitrary<BadHeaders> {
  const header = (name: string, values: readonly string[]) =>
    fc
      .constantFrom(...values)
      .map((v) => ({ how: `header ${name}: ${v.slice(0, 40)}`, headers: { [name]: asHeaderValue(v) } }));
  const options: fc.Arbitrary<BadHeaders>[] = [
    header('if-match', hostileIfMatch),
    header('idempotency-key', hostileIdempotencyKeys),
    header('accept-language', hostileAcceptLanguages),
    header('authorization', hostileAuthorization),
  ];
  if (op.method !== 'GET') {
    options.push(
      fc
        .tuple(fc.constantFrom(...mismatchedContentTypes), fc.constantFrom('{"name":"x"}', 'name=x', '<a>x</a>', ''))
        .map(([type, text]) => ({
          how: `content-type ${type} with ${JSON.stringify(text)}`,
          headers: { 'content-type': type },
          body: { jsonText: text, form: undefined },
        })),
    );
  }
  return fc.oneof(...options);
}
