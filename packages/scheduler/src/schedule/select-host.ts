/** selectHost: the highest total score; ties broken uniformly at random (reservoir sampling). */
import type { NodeScore } from '../framework/interfaces.js';

export function selectHost(scores: readonly NodeScore[], random: () => number = Math.random): string | undefined {
  let best: NodeScore | undefined;
  let ties = 0;
  for (const s of scores) {
    if (!best || s.score > best.score) {
      best = s;
      ties = 1;
    } else if (s.score === best.score) {
      ties++;
      if (Math.floor(random() * ties) === 0) best = s;
    }
  }
  return best?.name;
}
