import type { Application } from 'express';

/** Renders one of the app's templates to a string, from the locals given only (no request's res.locals). */
export type RenderView = (name: string, locals: object) => Promise<string>;

export function renderView(app: Application): RenderView {
  return (name, locals) =>
    new Promise((resolve, reject) => {
      app.render(name, locals, (error, html) => (error ? reject(error) : resolve(html)));
    });
}
