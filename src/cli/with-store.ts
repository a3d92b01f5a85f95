/** Open the workbench store for one command, run its body, close the store; the store's user errors become exit 1. */
import { createStore, ConflictError, InvalidCaseError, NotFoundError, type Store } from '../store/index.ts';
import { redact } from './options.ts';
import { CliError, reportErrors } from './errors.ts';

export async function withStore<T>(url: string, body: (store: Store) => Promise<T>): Promise<T> {
  return reportErrors(async () => {
    let store: Store;
    try {
      store = await createStore(url);
    } catch (e) {
      throw new CliError(`error: cannot open the database ${redact(url)}: ${e instanceof Error ? e.message : String(e)}`, 1);
    }
    try {
      return await body(store);
    } catch (e) {
      if (e instanceof NotFoundError || e instanceof ConflictError || e instanceof InvalidCaseError) throw new CliError(`error: ${e.message}`, 1);
      throw e;
    } finally {
      await store.close();
    }
  });
}
