/**
 * A file handle's read and write may each move fewer bytes than asked: a step is repeated from where the
 * last one stopped until the whole length is done, or a step moves nothing (a read at the end of the file).
 */
export async function untilDone(
  length: number,
  step: (done: number) => Promise<number>
): Promise<number> {
  let done = 0;
  while (done < length) {
    const moved = await step(done);
    if (moved === 0) break;
    done += moved;
  }
  return done;
}
