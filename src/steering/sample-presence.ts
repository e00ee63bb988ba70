import type { SteeringContext } from './steering-context.js';

/**
 * Whether the steering workspace still holds rows of its sample (`sample = 1`): its programs, tasks,
 * documents or committees, any one of which the seeds write.
 */
export async function holdsSteeringSample(context: SteeringContext): Promise<boolean> {
  const { db } = context;
  const found = await Promise.all([
    db.selectFrom('steering_programs').select('id').where('sample', '=', 1).limit(1).executeTakeFirst(),
    db.selectFrom('steering_tasks').select('id').where('sample', '=', 1).limit(1).executeTakeFirst(),
    db.selectFrom('steering_documents').select('id').where('sample', '=', 1).limit(1).executeTakeFirst(),
    db.selectFrom('steering_committees').select('id').where('sample', '=', 1).limit(1).executeTakeFirst(),
  ]);
  return found.some((row) => row !== undefined);
}
