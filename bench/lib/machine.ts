import os from 'node:os';

/** One line naming the machine the numbers came from. */
export function describeMachine(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? 'unknown CPU';
  const memory = `${Math.round(os.totalmem() / 1024 ** 3)} GiB`;
  return `${model}, ${cpus.length} cores, ${memory}, ${os.type()} ${os.release()}, Node ${process.version}`;
}

/** The 1, 5 and 15 minute load averages: on a shared machine, how busy the neighbours were. */
export function describeLoad(): string {
  return os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');
}
