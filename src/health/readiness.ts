/**
 * Whether this instance wants new traffic. Set to draining on SIGTERM so that /readyz answers 503
 * and a load balancer stops sending before the last connections close.
 */
export class Readiness {
  #draining = false;

  get draining(): boolean {
    return this.#draining;
  }

  startDraining(): void {
    this.#draining = true;
  }
}
