import { type DemoLoader, installedModules } from '../../platform/module';

/**
 * The modules' demo loaders, each after the modules it names in `after` and otherwise in the order
 * of the module list. A loader naming a module without a loader, or a cycle, is a programming error.
 */
export function demoLoadersInOrder(): (DemoLoader & { module: string })[] {
  const pending = installedModules().flatMap((m) => (m.demo ? [{ ...m.demo, module: m.name }] : []));
  const known = new Set(pending.map((l) => l.module));
  for (const loader of pending) {
    const unknown = loader.after?.find((name) => !known.has(name));
    if (unknown) throw new Error(`the demo of ${loader.module} loads after ${unknown}, which has no demo`);
  }
  const ordered: typeof pending = [];
  const done = new Set<string>();
  while (pending.length > 0) {
    const next = pending.findIndex((l) => (l.after ?? []).every((name) => done.has(name)));
    if (next < 0) throw new Error(`the demo loaders wait for each other: ${pending.map((l) => l.module).join(', ')}`);
    const [loader] = pending.splice(next, 1);
    if (!loader) break;
    ordered.push(loader);
    done.add(loader.module);
  }
  return ordered;
}
