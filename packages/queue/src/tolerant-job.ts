import { Job, type JobJson, Queue, Worker } from 'bullmq';

/** On a job's data when what Redis holds is not JSON: why, for the worker to fail it for good. */
export const unreadableData: unique symbol = Symbol('authhooks.unreadableData');

/**
 * A BullMQ job that can be built from data that is not JSON. BullMQ parses a job's data before any
 * processor sees it; data that does not parse threw inside the worker, left the job active until the
 * stalled check put it back, and so on forever, never reaching the failed set. Here such a job is
 * built with empty data marked `unreadableData`, so the worker fails it for good and lists it.
 */
export class TolerantJob extends Job {
  static override fromJSON<T = unknown, R = unknown, N extends string = string>(
    queue: Parameters<typeof Job.fromJSON>[0],
    json: JobJson,
    jobId?: string,
  ): Job<T, R, N> {
    try {
      return Job.fromJSON(queue, json, jobId) as Job<T, R, N>;
    } catch (error) {
      const job = Job.fromJSON(queue, { ...json, data: '{}' }, jobId) as Job<T, R, N>;
      const reason = error instanceof Error ? error.message : String(error);
      (job.data as Record<symbol, string>)[unreadableData] = reason;
      return job;
    }
  }
}

/** A BullMQ queue whose jobs are `TolerantJob`s: listing the failed set survives a job that is not JSON. */
export class TolerantQueue extends Queue {
  protected override get Job(): typeof Job {
    return TolerantJob as unknown as typeof Job; // a subclass; BullMQ types Job generically
  }
}

/** A BullMQ worker whose jobs are `TolerantJob`s. */
export class TolerantWorker extends Worker {
  protected override get Job(): typeof Job {
    return TolerantJob as unknown as typeof Job; // a subclass; BullMQ types Job generically
  }
}
