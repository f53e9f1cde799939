/**
 * The stdio transport's framing (`Content-Length: N\r\n\r\n` + N bytes of JSON), read strictly. vscode-jsonrpc's own
 * reader stops listening, or waits forever, on a frame it cannot read (a non-numeric, negative or huge length, no
 * blank line after the headers, a body shorter than announced): the server stays alive and answers nothing. Here each
 * broken frame has one of two outcomes:
 *  - the frame is intact but its body is not JSON (or not a JSON-RPC object): the client gets the JSON-RPC error
 *    (-32700 parse error, -32600 invalid request, with id null) and the next frame is read as usual;
 *  - the framing itself is lost (nothing after it can be trusted): the reason is logged and the process exits
 *    non-zero, so the client sees the server die and restarts it. A frame left incomplete for `stallMs` counts too.
 */
import * as lsp from 'vscode-languageserver/node';

/** Headers are two short lines; anything longer is not a header block. */
export const MAX_HEADER_BYTES = 8 * 1024;
/** Far above any document the server would analyse (the file size limit is in megabytes). */
export const MAX_BODY_BYTES = 256 * 1024 * 1024;
/** How long a frame may stay incomplete with no byte arriving (vscode-jsonrpc waits as long before it warns). */
export const DEFAULT_STALL_MS = 10_000;

export type FrameEvent =
  | { kind: 'message'; message: unknown }
  | { kind: 'parse-error'; detail: string }
  | { kind: 'invalid-request'; detail: string }
  | { kind: 'fatal'; detail: string };

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Splits a byte stream into frames; after a `fatal` event it reads nothing more. */
export class FrameParser {
  private chunks: Buffer[] = [];
  private length = 0;
  private bodyLength = -1;
  private dead = false;
  private readonly decoder = new TextDecoder('utf-8');

  constructor(
    private readonly emit: (e: FrameEvent) => void,
    private readonly maxBody = MAX_BODY_BYTES,
  ) {}

  /** Inside a frame: bytes of one have arrived, not all of it. */
  get pending(): boolean {
    return !this.dead && (this.length > 0 || this.bodyLength >= 0);
  }

  /** A short description of the incomplete frame, for the log. */
  get state(): string {
    return this.bodyLength >= 0
      ? `${this.length} of ${this.bodyLength} body bytes received`
      : `${this.length} header bytes received without the blank line that ends them`;
  }

  push(chunk: Buffer): void {
    if (this.dead || !chunk.length) return;
    this.chunks.push(chunk);
    this.length += chunk.length;
    while (!this.dead) {
      if (this.bodyLength < 0 && !this.readHeaders()) return;
      if (this.length < this.bodyLength) return;
      const body = this.take(this.bodyLength);
      this.bodyLength = -1;
      this.decode(body);
    }
  }

  /** Stops reading: the stream is lost. */
  fail(detail: string): void {
    if (this.dead) return;
    this.dead = true;
    this.chunks = [];
    this.length = 0;
    this.emit({ kind: 'fatal', detail });
  }

  private readHeaders(): boolean {
    const head = this.peek(Math.min(this.length, MAX_HEADER_BYTES + 4));
    const end = head.indexOf('\r\n\r\n');
    if (end < 0) {
      if (this.length >= MAX_HEADER_BYTES + 4)
        this.fail(`no blank line ends the headers within ${MAX_HEADER_BYTES} bytes`);
      return false;
    }
    const length = this.contentLength(head.subarray(0, end));
    if (length === undefined) return false;
    this.take(end + 4);
    this.bodyLength = length;
    return true;
  }

  /** The Content-Length of a header block, or undefined after failing with the reason. */
  private contentLength(block: Buffer): number | undefined {
    if (block.some(b => b > 0x7e || (b < 0x20 && b !== 0x09 && b !== 0x0d && b !== 0x0a))) {
      this.fail(`header bytes that are not ASCII text: ${JSON.stringify(block.toString('latin1').slice(0, 80))}`);
      return undefined;
    }
    let length: number | undefined;
    for (const line of block.toString('ascii').split('\r\n')) {
      const m = /^([^:]*):[ \t]*(.*?)[ \t]*$/.exec(line);
      if (!m || !TOKEN.test(m[1])) {
        this.fail(`malformed header line ${JSON.stringify(line.slice(0, 80))}`);
        return undefined;
      }
      if (m[1].toLowerCase() !== 'content-length') continue;
      const value = m[2];
      if (!/^\d{1,15}$/.test(value) || Number(value) > this.maxBody) {
        this.fail(
          /^\d+$/.test(value)
            ? `Content-Length ${value} is over the ${this.maxBody}-byte limit`
            : `Content-Length ${JSON.stringify(value.slice(0, 40))} is not a byte count`,
        );
        return undefined;
      }
      if (length !== undefined && length !== Number(value)) {
        this.fail(`two different Content-Length headers (${length}, ${value})`);
        return undefined;
      }
      length = Number(value);
    }
    if (length === undefined) this.fail(`no Content-Length header in ${JSON.stringify(block.toString('ascii'))}`);
    return length;
  }

  private decode(body: Buffer): void {
    let message: unknown;
    try {
      message = JSON.parse(this.decoder.decode(body));
    } catch (e) {
      this.emit({ kind: 'parse-error', detail: e instanceof Error ? e.message : String(e) });
      return;
    }
    if (typeof message !== 'object' || message === null || Array.isArray(message)) {
      this.emit({ kind: 'invalid-request', detail: `a JSON ${Array.isArray(message) ? 'array' : typeof message}` });
      return;
    }
    this.emit({ kind: 'message', message });
  }

  /** The first `n` bytes, without consuming them (buffered chunks are joined once). */
  private peek(n: number): Buffer {
    if (this.chunks.length > 1 && this.chunks[0].length < n) this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0].subarray(0, n);
  }

  /** Consumes the first `n` bytes. */
  private take(n: number): Buffer {
    const out = this.peek(n);
    const first = this.chunks[0];
    if (first.length === n) this.chunks.shift();
    else this.chunks[0] = first.subarray(n);
    this.length -= n;
    return out;
  }
}

export interface StdioReaderHooks {
  /** Answers a frame that was read but is not a JSON-RPC message (the reply is an error with id null). */
  reply(error: { code: number; message: string }): void;
  /** The framing is lost: log and exit. */
  fatal(detail: string): void;
}

/** A MessageReader over a byte stream with the strict framing above and a bound on incomplete frames. */
export class StrictStreamReader extends lsp.AbstractMessageReader implements lsp.MessageReader {
  private timer: NodeJS.Timeout | undefined;
  private lastData = 0;

  constructor(
    private readonly input: NodeJS.ReadableStream,
    private readonly hooks: StdioReaderHooks,
    private readonly stallMs = DEFAULT_STALL_MS,
    private readonly maxBody = MAX_BODY_BYTES,
  ) {
    super();
  }

  listen(callback: lsp.DataCallback): lsp.Disposable {
    const parser = new FrameParser(e => {
      if (e.kind === 'message') callback(e.message as lsp.Message);
      else if (e.kind === 'parse-error') this.hooks.reply({ code: -32700, message: `Parse error: ${e.detail}` });
      else if (e.kind === 'invalid-request')
        this.hooks.reply({ code: -32600, message: `Invalid request: ${e.detail}` });
      else {
        this.stopTimer();
        this.hooks.fatal(e.detail);
      }
    }, this.maxBody);
    const onData = (d: Buffer | string) => {
      this.lastData = Date.now();
      parser.push(typeof d === 'string' ? Buffer.from(d, 'utf8') : d);
      if (parser.pending) this.startTimer(parser);
      else this.stopTimer();
    };
    const onError = (e: unknown) => this.fireError(e);
    const onClose = () => {
      this.stopTimer();
      this.fireClose();
    };
    this.input.on('data', onData);
    this.input.on('error', onError);
    this.input.on('end', onClose);
    this.input.on('close', onClose);
    return lsp.Disposable.create(() => {
      this.stopTimer();
      this.input.off('data', onData);
      this.input.off('error', onError);
      this.input.off('end', onClose);
      this.input.off('close', onClose);
    });
  }

  private startTimer(parser: FrameParser) {
    this.stopTimer();
    this.timer = setTimeout(() => {
      // A busy event loop runs timers before the reads that waited meanwhile: judge after those (setImmediate).
      setImmediate(() => {
        if (!parser.pending) return;
        const quiet = Date.now() - this.lastData;
        if (quiet < this.stallMs) return this.startTimer(parser);
        parser.fail(`a frame stayed incomplete for ${quiet} ms (${parser.state})`);
      });
    }, this.stallMs);
  }

  private stopTimer() {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
