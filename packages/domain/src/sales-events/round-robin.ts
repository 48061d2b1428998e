export interface ProspectToSpread {
  id: string;
  country: string | null;
}

export interface ProspectAssignment {
  customerId: string;
  ownerId: string;
}

/**
 * Spreads prospects evenly over reps: every prospect goes to exactly one rep and no rep gets more
 * than one prospect more than another. Plain round robin deals them out in the order given.
 *
 * By country, prospects of the same country stay with one rep wherever the even spread allows:
 * each rep may take its even share, the largest countries are placed first, each whole on the rep
 * whose free share fits it most tightly; a country too large for any free share fills the rep with
 * the most room and continues on the next. Every split fills a rep, so at most reps − 1 countries
 * are split. Prospects without a country fill the remaining room last.
 */
export function spreadProspects(
  prospects: readonly ProspectToSpread[],
  reps: readonly string[],
  options: { byCountry?: boolean } = {},
): ProspectAssignment[] {
  const owners = [...new Set(reps)];
  if (owners.length === 0) throw new Error('no reps to spread prospects over');
  if (!options.byCountry) {
    return prospects.map((p, i) => ({ customerId: p.id, ownerId: owners[i % owners.length] as string }));
  }

  const base = Math.floor(prospects.length / owners.length);
  const extra = prospects.length % owners.length;
  const room = owners.map((_, i) => base + (i < extra ? 1 : 0));
  const assigned = new Map<string, string>();
  const give = (ids: string[], rep: number) => {
    for (const id of ids) assigned.set(id, owners[rep] as string);
    room[rep] = (room[rep] as number) - ids.length;
  };
  const roomiest = () => room.reduce((best, r, i) => (r > (room[best] as number) ? i : best), 0);

  const byCountry = new Map<string, string[]>();
  const withoutCountry: string[] = [];
  for (const p of prospects) {
    if (!p.country) withoutCountry.push(p.id);
    else byCountry.set(p.country, [...(byCountry.get(p.country) ?? []), p.id]);
  }
  const groups = [...byCountry.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));

  for (const [, ids] of groups) {
    let tightest = -1;
    room.forEach((r, i) => {
      if (r >= ids.length && (tightest < 0 || r < (room[tightest] as number))) tightest = i;
    });
    if (tightest >= 0) {
      give(ids, tightest);
      continue;
    }
    let left = ids;
    while (left.length > 0) {
      const rep = roomiest();
      const take = Math.min(room[rep] as number, left.length);
      give(left.slice(0, take), rep);
      left = left.slice(take);
    }
  }
  for (const id of withoutCountry) give([id], roomiest());

  return prospects.map((p) => ({ customerId: p.id, ownerId: assigned.get(p.id) as string }));
}
