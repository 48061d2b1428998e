const personalFields = ['phones', 'emails', 'wechat', 'birthday'];

/** The history shows no more than the record itself would: masked personal data, no hidden billing. */
export function visibleChanges(
  entity: string,
  changes: Record<string, [unknown, unknown]>,
  may: { personal: boolean; billing: boolean },
): Record<string, [unknown, unknown]> {
  const hidden = [
    ...(entity === 'contacts' && !may.personal ? personalFields : []),
    ...(entity === 'sales_event_leads' && !may.personal ? ['handover'] : []),
    ...(entity === 'customers' && !may.billing ? ['billing'] : []),
    ...(entity === 'opportunities' && !may.billing ? ['expected_revenue', 'expected_margin'] : []),
  ];
  if (hidden.length === 0) return changes;
  return Object.fromEntries(
    Object.entries(changes).map(([field, pair]) => [field, hidden.includes(field) ? ['***', '***'] : pair]),
  ) as Record<string, [unknown, unknown]>;
}
