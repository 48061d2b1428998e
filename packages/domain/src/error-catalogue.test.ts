import { describe, expect, it } from 'vitest';
import { errorMessage, errorMessages, moduleErrorBundles } from './error-catalogue';
import { codesOutsidePrefixes, defineErrorMessages, type ErrorBundle } from './platform/error-messages';
import { platformErrors } from './platform/platform-error-messages';

const bundles: readonly ErrorBundle[] = [platformErrors, ...moduleErrorBundles];

describe('the error catalogue', () => {
  const codes = Object.keys(errorMessages);

  it('has a Chinese and an English message for every code, and they differ', () => {
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) {
      const zh = errorMessage(code, 'zh-CN');
      const en = errorMessage(code, 'en');
      expect(zh.trim(), code).not.toBe('');
      expect(en.trim(), code).not.toBe('');
      expect(zh, code).not.toBe(en);
      expect(zh, code).not.toBe(code);
      expect(en, code).not.toBe(code);
    }
  });

  it('writes the Chinese messages in Chinese and the English ones without Chinese characters', () => {
    for (const code of codes) {
      expect(errorMessage(code, 'zh-CN'), code).toMatch(/\p{Script=Han}/u);
      expect(errorMessage(code, 'en'), code).not.toMatch(/\p{Script=Han}/u);
    }
  });

  it('uses dotted lower-case codes', () => {
    for (const code of codes) expect(code).toMatch(/^[a-z]+(_[a-z]+)*\.[a-z]+(_[a-z]+)*$/);
  });

  it('answers an unknown code with the code itself', () => {
    expect(errorMessage('no.such_code', 'en')).toBe('no.such_code');
    expect(errorMessage('no.such_code', 'zh-CN')).toBe('no.such_code');
    expect(errorMessage('constructor', 'en')).toBe('constructor');
  });

  it('holds every code of every bundle, each declared by one bundle only', () => {
    const declared = bundles.flatMap((bundle) => Object.keys(bundle.messages));
    expect(new Set(declared).size).toBe(declared.length);
    expect([...declared].sort()).toEqual([...codes].sort());
  });
});

describe('the prefix rule', () => {
  it('keeps every code of a bundle under one of its prefixes', () => {
    for (const bundle of bundles) expect(codesOutsidePrefixes(bundle), bundle.prefixes.join(', ')).toEqual([]);
  });

  it('gives each prefix to one bundle only, so a code names the module that owns it', () => {
    const prefixes = bundles.flatMap((bundle) => bundle.prefixes);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });

  it('keeps the codes clients depend on with the module that raises them', () => {
    const owner = (code: string) => bundles.find((bundle) => Object.hasOwn(bundle.messages, code))?.prefixes;
    expect(owner('task.assignee_not_allowed')).toEqual(['task', 'next_step']);
    expect(owner('next_step.stage_unknown')).toEqual(['task', 'next_step']);
    expect(owner('prospect.not_assignable')).toEqual(['prospect']);
    expect(owner('attachment.too_large')).toEqual(['attachment']);
  });

  it('reports a code declared outside its module’s prefixes', () => {
    const misplaced = { prefixes: ['activity'], messages: { 'task.x': { en: 'x', 'zh-CN': '任' } } } as ErrorBundle;
    expect(codesOutsidePrefixes(misplaced)).toEqual(['task.x']);
    // A bare prefix is not under it either: the code needs its dot.
    const bare = { prefixes: ['task'], messages: { tasks: { en: 'x', 'zh-CN': '任' } } } as ErrorBundle;
    expect(codesOutsidePrefixes(bare)).toEqual(['tasks']);
  });

  it('does not compile a code outside the prefixes', () => {
    const declare = () =>
      defineErrorMessages(['activity'], {
        'activity.ok': { en: 'Fine.', 'zh-CN': '好。' },
        // @ts-expect-error `task.*` is not an activities code: it belongs to the tasks module.
        'task.misplaced': { en: 'Misplaced.', 'zh-CN': '放错了。' },
      });
    expect(codesOutsidePrefixes(declare())).toEqual(['task.misplaced']);
  });
});
