const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Prints one row per adapter and returns every violated check, named. */
export function printTable(rows, { rssTolerance }) {
  const violations = [];
  const lines = [
    [
      'adapter',
      'requests',
      'req/s',
      'unexpected',
      'handler calls',
      'handled',
      'duplicate/sent',
      'rss before',
      'rss after',
      'rss change',
    ],
  ];
  for (const row of rows) {
    const change = (row.rssAfter - row.rssBefore) / row.rssBefore;
    lines.push([
      row.adapter,
      String(row.requests),
      String(row.perSecond),
      String(row.unexpected),
      String(row.calls),
      String(row.handledAnswers),
      `${row.duplicateAnswers}/${row.duplicatesSent}`,
      mb(row.rssBefore),
      mb(row.rssAfter),
      `${change >= 0 ? '+' : ''}${(change * 100).toFixed(1)} %`,
    ]);
    const name = row.adapter;
    if (row.unexpected > 0)
      violations.push(`${name}: ${row.unexpected} unexpected statuses, errors or timeouts`);
    if (row.calls !== row.handledAnswers)
      violations.push(`${name}: ${row.calls} handler calls for ${row.handledAnswers} handled answers`);
    if (row.handledAnswers + row.duplicateAnswers !== row.requests)
      violations.push(
        `${name}: ${row.requests} requests, ${row.handledAnswers + row.duplicateAnswers} answered handled or duplicate`,
      );
    if (row.countedTwice > 0) violations.push(`${name}: ${row.countedTwice} event ids were handled twice`);
    if (row.duplicateAnswers !== row.duplicatesSent)
      violations.push(
        `${name}: ${row.duplicatesSent} duplicates sent, ${row.duplicateAnswers} answered duplicate`,
      );
    if (row.errorsLogged > 0) violations.push(`${name}: ${row.errorsLogged} errors logged`);
    if (change > rssTolerance)
      violations.push(`${name}: rss grew ${(change * 100).toFixed(1)} % (limit ${rssTolerance * 100} %)`);
  }
  const widths = lines[0].map((_, i) => Math.max(...lines.map((line) => line[i].length)));
  for (const [index, line] of lines.entries()) {
    console.log(
      line.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '),
    );
    if (index === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  return violations;
}
