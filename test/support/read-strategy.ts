// The provider's two ways to refresh services (one shared list, or one GET each) must give the same
// state. Each refreshes the stack's state in turn; the manager's log tells what each sent.
import { Mark, serviceReads } from '../../bench/manager-log';
import { TofuStack } from './tofu';

export interface RefreshByStrategy {
  /** `tofu show -json` after a refresh-only apply that read each service alone. */
  readonly each: any;
  /** The same after a refresh-only apply served from the list. */
  readonly list: any;
  /** The service reads the manager served during the list refresh. */
  readonly listRefreshReads: { readonly lists: number; readonly singles: number };
}

export function refreshByStrategy(tofu: TofuStack, managerLog: string): RefreshByStrategy {
  tofu.withEnv({ OSCAR_READ_STRATEGY: 'each' }).apply('-refresh-only');
  const each = tofu.state();
  const mark = Mark.at(managerLog);
  tofu.withEnv({ OSCAR_READ_STRATEGY: 'list' }).apply('-refresh-only');
  const list = tofu.state();
  const { lists, singles } = serviceReads(mark.requests());
  return { each, list, listRefreshReads: { lists, singles } };
}
