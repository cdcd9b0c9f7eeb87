import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { monitoringRuleGroups, promtool, promtoolUnavailableReason } from './support/promtool';

// The alerts of components/monitoring, checked by Prometheus's own tool: the rules parse
// (`promtool check rules`), and the unit tests in test/prometheus fire each alert on a series
// that should trip it and keep it quiet on one that should not (`promtool test rules`).

const unitTests = ['alerts.test.yaml', 'day-long-alerts.test.yaml'];
const unitTestDirectory = new URL('./prometheus', import.meta.url).pathname;
const runbooks = readFileSync(new URL('../../../docs/runbooks.md', import.meta.url), 'utf8');
const groups = monitoringRuleGroups();
const alerts = groups.flatMap((group) => group.rules);

let workDirectory: string;
beforeAll(() => {
  workDirectory = mkdtempSync(join(tmpdir(), 'shop-rules-'));
});
afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));

describe('the alerts in components/monitoring', () => {
  it("are the seed's and the platform's own", () => {
    const names = alerts.map((rule) => rule.alert);
    for (const expected of [
      'ShopServiceDown', // seed: service down
      'ShopHighErrorRate', // seed: error rate > 5 %
      'ShopSlowResponses', // seed: response time > 2 s
      'ShopDatabaseConnectionFailures', // seed: database connection failures
      'ShopMemoryHigh', // seed: memory > 80 %
      'ShopVolumeAlmostFull', // seed: disk > 80 %
      'ShopSlowQueries', // seed: slow queries
      'ShopOrdersStuck',
      'ShopPaymentFailuresAboveNormal',
      'InngestBacklogGrowing',
      'ShopEmailsFailing',
      'MongoDBBackupTooOld',
    ]) {
      expect(names).toContain(expected);
    }
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(alerts.map((rule) => [rule.alert, rule] as const))(
    '%s has a severity, a summary and a runbook section',
    (name, rule) => {
      expect(['critical', 'warning']).toContain(rule.labels?.severity);
      expect(rule.annotations?.summary).toBeTruthy();
      expect(rule.annotations?.runbook_url).toBe(`docs/runbooks.md#${name.toLowerCase()}`);
      expect(runbooks).toMatch(new RegExp(`^### ${name}$`, 'm'));
    },
  );

  it('each have a unit test in which they fire', () => {
    const tested = unitTests
      .map((file) => readFileSync(join(unitTestDirectory, file), 'utf8'))
      .join('\n');
    for (const rule of alerts) {
      expect(tested, rule.alert).toMatch(
        new RegExp(`alertname: ${rule.alert}\\n\\s+exp_alerts:\\n\\s+- exp_labels`),
      );
    }
  });

  it('pass promtool check rules', (context) => {
    const unavailable = promtoolUnavailableReason();
    if (unavailable) {
      console.warn(`skipped promtool check rules: ${unavailable}`);
      return context.skip(unavailable);
    }
    const file = join(workDirectory, 'check.rules.yaml');
    writeFileSync(file, stringify({ groups }));
    expect(promtool(['check', 'rules', file])).toContain('SUCCESS');
  }, 120_000);

  // Annotations are left out of the unit tests' copy: they are text for people (checked above
  // and by `check rules`), while the tests say when each alert fires and with which labels.
  it('pass their promtool unit tests', (context) => {
    const unavailable = promtoolUnavailableReason();
    if (unavailable) {
      console.warn(`skipped promtool test rules: ${unavailable}`);
      return context.skip(unavailable);
    }
    const withoutAnnotations = groups.map((group) => ({
      ...group,
      rules: group.rules.map(({ annotations: _text, ...rule }) => rule),
    }));
    writeFileSync(join(workDirectory, 'rules.yaml'), stringify({ groups: withoutAnnotations }));
    for (const file of unitTests)
      copyFileSync(join(unitTestDirectory, file), join(workDirectory, file));
    const output = promtool(['test', 'rules', ...unitTests], workDirectory);
    expect(output).not.toContain('FAILED');
    // A guard, not a bound: promtool evaluates every alert's series; alone it takes a few
    // seconds, but while CI type-checks, lints and tests every package at once it took 39 s.
  }, 180_000);
});
