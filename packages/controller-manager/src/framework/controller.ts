/**
 * A controller of the controller-manager: started once its informers have synced, it runs
 * until the signal aborts (client-go's `Run(ctx, workers)`).
 */
export interface Controller {
  /** The name `--controllers` knows it by (`deployment`, `nodelifecycle` ...). */
  readonly name: string;
  run(signal: AbortSignal): Promise<void>;
}
