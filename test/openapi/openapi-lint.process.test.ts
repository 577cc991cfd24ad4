import { runBuilt } from '../support/built-process';

interface LintReport {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
}

describe('the OpenAPI document against Redocly', () => {
  it('when linted with the recommended rules (npm run lint:openapi), then it reports no error and exits 0', async () => {
    // The script sets REDOCLY_TELEMETRY=off and REDOCLY_SUPPRESS_UPDATE_NOTICE: no network is needed.
    const result = await runBuilt('scripts/lint-openapi.js', {}, 60_000, ['--format=json']);

    const report = JSON.parse(result.stdout) as LintReport;
    const errors = report.problems
      .filter((problem) => problem.severity === 'error')
      .map((problem) => `${problem.ruleId} at ${problem.location[0]?.pointer}: ${problem.message}`);
    expect(errors).toEqual([]);
    expect(report.totals.errors).toBe(0);
    expect([result.code, result.stderr.includes('Validation failed')]).toEqual([0, false]);
  });
});
