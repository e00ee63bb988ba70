/** A progress display for long CLI work: a redrawn bar on a terminal, a line every 10 % otherwise. */
export interface Progress {
  update(done: number, total?: number): void;
  finish(message?: string): void;
}

/** Creates a progress display on stderr, so stdout stays clean for results. */
export function createProgress(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  let lastTenth = -1;
  let lastDraw = 0;
  let knownTotal = 0;
  return {
    update(done, total = knownTotal) {
      knownTotal = total;
      const fraction = total > 0 ? Math.min(1, done / total) : 0;
      if (stream.isTTY) {
        const now = Date.now();
        if (now - lastDraw < 80 && done < total) return;
        lastDraw = now;
        const width = 30;
        const filled = Math.round(fraction * width);
        stream.write(
          `\r${label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% ${done.toLocaleString('vi-VN')}/${total.toLocaleString('vi-VN')}`,
        );
        return;
      }
      const tenth = Math.floor(fraction * 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        stream.write(`${label}: ${tenth * 10}% (${done}/${total})\n`);
      }
    },
    finish(message) {
      if (stream.isTTY) stream.write('\n');
      if (message) stream.write(`${message}\n`);
    },
  };
}
