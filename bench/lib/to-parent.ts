/** Sends a measuring child's one result to the parent, then lets the child exit. */
export function sendResult(value: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    if (process.send === undefined) {
      reject(new Error('this file is a measuring child: run it through bench/run.ts'));
      return;
    }
    process.send({ type: 'result', value }, (error: Error | null) => {
      if (error) reject(error);
      else {
        process.disconnect();
        resolve();
      }
    });
  });
}
