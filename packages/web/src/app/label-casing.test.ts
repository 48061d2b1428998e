import { describe, expect, it } from 'vitest';
import { translations } from './translations';

/**
 * One casing rule for the English history (customer timeline, audit log): an action is a sentence-case
 * past participle ("Created", "Tags changed"), the record it acts on a lower-case noun ("activity",
 * "customer", "opportunity “X”"), so an entry reads "Created activity" and "Merged customer" alike.
 */
const en = translations.en as unknown as Record<string, Record<string, unknown>>;
const at = (path: string): unknown => path.split('.').reduce<unknown>((node, key) => (node as never)?.[key], en);

const sentenceCase = /^[A-Z][a-z]+(?:[ -](?:[a-z-]+|API|SMTP))*$/;

describe('English history labels', () => {
  it.each(['timeline.actions', 'audit.actions'])('%s are sentence case', (path) => {
    const labels = Object.values(at(path) as Record<string, string>);
    expect(labels.filter((label) => !sentenceCase.test(label))).toEqual([]);
  });

  it('the timeline and the audit log name the same action alike', () => {
    const timeline = at('timeline.actions') as Record<string, string>;
    const audit = at('audit.actions') as Record<string, string>;
    for (const action of Object.keys(timeline).filter((key) => Object.hasOwn(audit, key))) {
      expect(audit[action], action).toBe(timeline[action]);
    }
  });

  it.each([
    'timeline.customer',
    'timeline.contact',
    'timeline.contactNamed',
    'timelineExtra.note',
    'timelineExtra.attachment',
    'timelineExtra.attachmentNamed',
    'activities.timeline.activity',
    'activities.timeline.activityNamed',
    'activities.timeline.task',
    'activities.timeline.taskNamed',
    'opportunities.timelineTarget',
    'opportunities.timelineNamed',
    'salesEvents.timelineLead',
  ])('the timeline target %s starts in lower case', (path) => {
    const label = at(path);
    expect(typeof label).toBe('string');
    expect(label as string).toMatch(/^[a-z]/);
  });
});
