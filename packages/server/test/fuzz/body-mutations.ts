import fc from 'fast-check';
import {
  deeplyNested,
  hostileJsonTexts,
  hostileNumberArb,
  hostileStringArb,
  rawJsonNumbers,
  wrongTypeArb,
} from './hostile-values';

/** A JSON token written verbatim: number literals JavaScript cannot produce (1e999, -0.0, 30 digits). */
export class RawJson {
  constructor(readonly text: string) {}
}

type Path = (string | number)[];
const remove = Symbol('remove');

/** The JSON text of a value that may hold `RawJson` tokens. */
export function toJsonText(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v) => {
    if (v instanceof RawJson) {
      raws.push(v.text);
      return `\u0001raw${raws.length - 1}\u0001`;
    }
    return v;
  });
  return text.replace(/"\\u0001raw(\d+)\\u0001"/g, (_m, i) => raws[Number(i)] as string);
}

function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const here = [prefix];
  if (Array.isArray(value)) return here.concat(value.flatMap((v, i) => pathsOf(v, [...prefix, i])));
  if (value && typeof value === 'object') {
    return here.concat(Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k])));
  }
  return here;
}

function valueAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)?.[key], root);
}

/** A copy of `root` with the node at `path` replaced, or removed when `replacement` is `remove`. */
function withNode(root: unknown, path: Path, replacement: unknown | typeof remove): unknown {
  if (path.length === 0) return replacement === remove ? undefined : replacement;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  const parent = valueAt(copy, path.slice(0, -1)) as Record<string | number, unknown> | unknown[];
  const key = path[path.length - 1] as string | number;
  if (replacement !== remove) (parent as Record<string | number, unknown>)[key] = replacement;
  else if (Array.isArray(parent)) parent.splice(key as number, 1);
  else delete (parent as Record<string | number, unknown>)[key];
  return copy;
}

export interface BrokenBody {
  how: string;
  /** The body as a value, or as JSON text when it cannot be a value. */
  value?: unknown;
  text?: string;
}

/** Breaks a valid body one way: the kinds of mistakes clients and attackers make. */
export function brokenBody(valid: unknown): fc.Arbitrary<BrokenBody> {
  const paths = pathsOf(valid);
  const pathArb = fc.constantFrom(...paths);
  const objectPaths = paths.filter((p) => {
    const node = valueAt(valid, p);
    return node !== null && typeof node === 'object' && !Array.isArray(node);
  });
  const leafPaths = paths.filter((p) => p.length > 0);

  const at = (path: Path) => path.join('.') || 'root';
  const leavesOf = (type: string) => {
    const leaves = paths.filter((p) => typeof valueAt(valid, p) === type);
    return leaves.length > 0 ? fc.constantFrom(...leaves) : pathArb;
  };

  const mutations: fc.WeightedArbitrary<BrokenBody>[] = [
    {
      weight: 2,
      arbitrary: fc
        .tuple(pathArb, wrongTypeArb)
        .map(([path, v]) => ({ how: `wrong type at ${at(path)}`, value: withNode(valid, path, v) })),
    },
    {
      weight: 5,
      arbitrary: fc
        .tuple(leavesOf('string'), hostileStringArb)
        .map(([path, v]) => ({ how: `hostile text at ${at(path)}`, value: withNode(valid, path, v) })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(leavesOf('number'), hostileNumberArb)
        .map(([path, v]) => ({ how: `edge number at ${at(path)}`, value: withNode(valid, path, v) })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(leavesOf('number'), fc.constantFrom(...rawJsonNumbers)).map(([path, token]) => ({
        how: `raw number ${token} at ${at(path)}`,
        text: toJsonText(withNode(valid, path, new RawJson(token))),
      })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(pathArb, fc.integer({ min: 20, max: 800 })).map(([path, depth]) => ({
        how: `nested ${depth} deep at ${at(path)}`,
        value: withNode(valid, path, deeplyNested(depth)),
      })),
    },
    { weight: 1, arbitrary: fc.constantFrom(...hostileJsonTexts).map((text) => ({ how: 'hostile JSON text', text })) },
  ];
  if (leafPaths.length > 0) {
    mutations.push({
      weight: 1,
      arbitrary: fc
        .constantFrom(...leafPaths)
        .map((path) => ({ how: `missing ${at(path)}`, value: withNode(valid, path, remove) })),
    });
  }
  if (objectPaths.length > 0) {
    mutations.push({
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...objectPaths),
          fc.constantFrom('unknownField', 'isAdmin', 'orgId', 'id', 'version', 'constructor', ''),
          fc.oneof(hostileStringArb, wrongTypeArb),
        )
        .map(([path, key, v]) => {
          const node = { ...(valueAt(valid, path) as object), [key]: v };
          return { how: `unknown field ${key} at ${at(path)}`, value: withNode(valid, path, node) };
        }),
    });
  }
  return fc.oneof(...mutations);
}
