import { folderGraph } from '../../scripts/folder-imports';

// The import graph of src/ between folders (scripts/folder-imports.ts, `npm run -s folder-imports`).
describe('the folders of src/', () => {
  const graph = folderGraph();

  it('when the folders import each other, then no import goes round in a circle', () => {
    expect(graph.cycles).toEqual([]);
  });

  it('when a folder imports another, then it imports only that folder\'s index.ts', () => {
    expect(graph.pastIndex).toEqual([]);
  });

  it('when the server is built, then it imports nothing of the command-line tools under src/cli/', () => {
    const serverSide = [...graph.edges].filter(([folder]) => !folder.startsWith('cli/'));
    expect(serverSide.filter(([, imports]) => [...imports].some((to) => to.startsWith('cli/')))).toEqual([]);
  });
});
