import type autocannon from 'autocannon';
import { type CustomerSample, searchTerm } from './customer-samples';

/** The requests of the load mix, labelled the way the report prints them. */
export const steps = {
  list: 'GET /api/customers (first page)',
  listFiltered: 'GET /api/customers?status|country|owner',
  search: 'GET /api/customers?q=…',
  record: 'GET /api/customers/{id}',
  contacts: 'GET /api/customers/{id}/contacts',
  timeline: 'GET /api/customers/{id}/timeline',
  create: 'POST /api/customers',
  updateViewed: 'PATCH /api/customers/{id} (ETag of GET)',
  updateCreated: 'PATCH /api/customers/{id} (POST version)',
} as const;
export type Step = keyof typeof steps;

/**
 * One pass of 100 requests per connection, as user actions: browse the list (35, half of it
 * filtered), search (25), open a customer's 360 view — record, contacts, timeline (25), create (7)
 * and edit (8), either right after viewing the record (If-Match from its ETag) or right after
 * creating one (the version the POST returned).
 */
const actions: { steps: Step[]; times: number }[] = [
  { steps: ['list'], times: 18 },
  { steps: ['listFiltered'], times: 17 },
  { steps: ['search'], times: 25 },
  { steps: ['record', 'contacts', 'timeline'], times: 4 },
  { steps: ['record', 'contacts', 'timeline', 'updateViewed'], times: 4 },
  { steps: ['record'], times: 1 },
  { steps: ['create'], times: 3 },
  { steps: ['create', 'updateCreated'], times: 4 },
];

/** The actions spread evenly over the pass, so every stretch of it carries about the same mix. */
export function passSteps(): Step[] {
  const placed = actions.flatMap((action, order) =>
    Array.from({ length: action.times }, (_, i) => ({ at: (i + 0.5) / action.times, order, steps: action.steps })),
  );
  placed.sort((a, b) => a.at - b.at || a.order - b.order);
  return placed.flatMap((p) => p.steps);
}

/** What a connection remembers within a pass (autocannon gives every pass a fresh context). */
interface PassState {
  viewed?: { id: string; etag: string };
  created?: { id: string; version: number };
}

export interface MixOptions {
  samples: CustomerSample[];
  ownerId: string;
  /** Called for every response, just before autocannon reports its latency. */
  onAnswer: (step: Step, status: number, body: string) => void;
}

const json = { 'content-type': 'application/json' };
const etagOf = (headers: autocannon.Request['headers']) =>
  String(Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === 'etag')?.[1] ?? '');

/** autocannon requests for one pass; ids, terms and filters vary across passes and connections. */
export function mixRequests({ samples, ownerId, onAnswer }: MixOptions): autocannon.Request[] {
  let turn = 0;
  const next = () => turn++;
  const sample = () => samples[(next() * 7) % samples.length] as CustomerSample;
  const filters = [
    'status=active',
    'status=inactive&country=CN',
    `ownerId=${ownerId}`,
    `status=prospect&ownerId=${ownerId}`,
    'country=CN',
  ];
  const viewedId = (state: PassState) => state.viewed?.id ?? sample().id;

  const build: Record<Step, (state: PassState) => autocannon.Request> = {
    list: () => ({ method: 'GET', path: '/api/customers?limit=50' }),
    listFiltered: () => ({ method: 'GET', path: `/api/customers?limit=50&${filters[next() % filters.length]}` }),
    search: () => ({
      method: 'GET',
      path: `/api/customers?limit=50&q=${encodeURIComponent(searchTerm(samples, next()))}`,
    }),
    record: (state) => {
      state.viewed = { id: sample().id, etag: '' };
      return { method: 'GET', path: `/api/customers/${state.viewed.id}` };
    },
    contacts: (state) => ({ method: 'GET', path: `/api/customers/${viewedId(state)}/contacts` }),
    timeline: (state) => ({ method: 'GET', path: `/api/customers/${viewedId(state)}/timeline?limit=50` }),
    create: () => {
      const n = next();
      return {
        method: 'POST',
        path: '/api/customers',
        headers: json,
        body: JSON.stringify({
          name: `压测${n}号国际物流有限公司`,
          nameEn: `Load Test ${n} Logistics Co., Ltd.`,
          country: 'CN',
          email: `ops${n}@load-test.example`,
          roles: ['shipper'],
        }),
      };
    },
    updateViewed: (state) => ({
      method: 'PATCH',
      path: `/api/customers/${viewedId(state)}`,
      headers: { ...json, 'if-match': state.viewed?.etag || '"1"' },
      body: JSON.stringify({ industry: `物流 ${next()}` }),
    }),
    updateCreated: (state) => ({
      method: 'PATCH',
      path: `/api/customers/${state.created?.id ?? sample().id}`,
      headers: { ...json, 'if-match': `"${state.created?.version ?? 1}"` },
      body: JSON.stringify({ status: 'active', address: `上海市浦东新区港城路 ${next()} 号` }),
    }),
  };

  const remember = (step: Step, status: number, body: string, headers: autocannon.Request['headers'], s: PassState) => {
    if (step === 'record' && status === 200 && s.viewed) s.viewed.etag = etagOf(headers);
    if ((step === 'create' && status === 201) || (step === 'updateCreated' && status === 200)) {
      const { id, version } = JSON.parse(body) as { id: string; version: number };
      s.created = { id, version };
    }
  };

  return passSteps().map((step) => ({
    setupRequest: (request, context) => {
      const own = build[step](context as PassState);
      return { ...request, ...own, headers: { ...request.headers, ...own.headers } };
    },
    onResponse: (status, body, context, headers) => {
      remember(step, status, body, headers, context as PassState);
      onAnswer(step, status, body);
    },
  }));
}
