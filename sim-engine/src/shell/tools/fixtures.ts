/** Files the tool tests share; the expected outputs in those tests were checked against GNU tools. */

/** PODS is `kubectl get pods`-like text. */
export const PODS = [
  'NAME READY STATUS RESTARTS AGE',
  'web-1 1/1 Running 0 5m',
  'web-2 0/1 Pending 0 5m',
  'db-0 1/1 Running 3 2d',
  'cache-7 1/1 Running 10 1h',
  '',
].join('\n');

/** WORDS mixes case, duplicates, an empty line and numbers for sort and uniq. */
export const WORDS = 'banana\napple\nBanana\ncherry\napple\n\napple pie\n10\n9\n-3\n2.5\n';

/** CSV has an empty field and a line without the delimiter. */
export const CSV = 'a,b,c\n1,2,3\nx,,z\nnodelim\n';

/** FILES seeds a test shell's home with the fixtures. */
export const FILES: Record<string, string> = {
  'pods.txt': PODS,
  'words.txt': WORDS,
  'csv.txt': CSV,
  'nonl.txt': 'one\ntwo\nthree',
  'tabs.txt': 'k\tv\tw\nk2\tv2\n',
  'utf.txt': 'héllo wörld ☸\n',
};
