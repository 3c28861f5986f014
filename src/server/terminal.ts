/**
 * Reading a password on the terminal, for the command lines of the server (`users add`) and of the app
 * (`team join`): plain Node, no server state, so the app's CLI may use it too.
 */

/** Asks on the terminal without showing what is typed; `problem` makes the error for no terminal or Ctrl+C. */
export function askHidden(prompt: string, problem: (message: string) => Error): Promise<string> {
  const { stdin, stderr } = process;
  if (!stdin.isTTY) return Promise.reject(problem('no terminal to ask for the password on: pipe it in with --password-stdin'));
  stderr.write(prompt);
  return new Promise((done, fail) => {
    let typed = '';
    const finish = (action: () => void) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      stderr.write('\n');
      action();
    };
    const onData = (data: Buffer) => {
      for (const ch of data.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return finish(() => done(typed));
        if (ch === '\u0003') return finish(() => fail(problem('cancelled')));
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
        else if (ch >= ' ') typed += ch;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

/** Reads a password from stdin (a script's pipe): everything up to the first line end. */
export async function passwordFromStdin(stdin: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}
