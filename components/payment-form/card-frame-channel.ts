/** A problem the card frame found: `field` is one of its fields, or `card` for the card as a whole. */
export interface CardFieldError {
  field: string;
  message: string;
}

/** What the card frame answers when asked for a token. */
export type CardTokenResult =
  | { ok: true; opaqueData: { dataDescriptor: string; dataValue: string }; card: { brand: string; last4: string }; name: { firstName: string; lastName: string } }
  | { ok: false; errors: CardFieldError[] };

/**
 * Talks to the card frame (server/card-frame/) by postMessage. The frame is sandboxed, so its
 * messages come from an opaque origin: they are recognised by their source window instead.
 */
export class CardFrameChannel {
  private waiting = new Map<string, (result: CardTokenResult) => void>();
  private sequence = 0;
  ready = false;

  constructor(
    private readonly frame: () => HTMLIFrameElement | null,
    private readonly onChange: (height?: number) => void,
    /** Escape pressed in a card field. */
    private readonly onEscape: () => void = () => undefined,
  ) {}

  readonly listener = (event: MessageEvent) => {
    const frame = this.frame();
    if (!frame || event.source !== frame.contentWindow) return;
    const message = event.data as { type?: string; id?: string; height?: number } & Partial<CardTokenResult>;
    if (message.type === 'bp-card:ready') {
      this.ready = true;
      this.onChange(typeof message.height === 'number' ? message.height : undefined);
    } else if (message.type === 'bp-card:resize' && typeof message.height === 'number') {
      this.onChange(message.height);
    } else if (message.type === 'bp-card:escape') {
      this.onEscape();
    } else if (message.type === 'bp-card:result' && message.id) {
      this.waiting.get(message.id)?.(message as CardTokenResult);
      this.waiting.delete(message.id);
    }
  };

  /** Moves focus to a card field (`cardNumber`, `month`, …), for the form's error summary. */
  focus(field: string) {
    const frame = this.frame();
    // Focus goes to the frame first: a frame may move focus within itself, not take it.
    frame?.focus();
    if (frame?.contentWindow && this.ready) frame.contentWindow.postMessage({ type: 'bp-card:focus', field }, '*');
  }

  /** Asks the frame to check its fields and turn them into a one-time token. */
  requestToken(zip: string, timeoutMs = 30_000): Promise<CardTokenResult> {
    return this.ask({ type: 'bp-card:tokenize', zip }, timeoutMs);
  }

  /** Asks the frame only to check its fields (they show their errors): what is wrong, if anything. */
  async validate(timeoutMs = 5_000): Promise<CardFieldError[]> {
    if (!this.ready) return [];
    const result = await this.ask({ type: 'bp-card:validate' }, timeoutMs);
    return result.ok ? [] : result.errors;
  }

  private ask(message: Record<string, string>, timeoutMs: number): Promise<CardTokenResult> {
    const frame = this.frame();
    if (!frame?.contentWindow || !this.ready) return Promise.resolve({ ok: false, errors: [{ field: 'card', message: 'The card fields are still loading. Try again in a moment.' }] });
    const id = `t${++this.sequence}`;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        resolve({ ok: false, errors: [{ field: 'card', message: 'The card could not be checked in time. Please try again.' }] });
      }, timeoutMs);
      this.waiting.set(id, (result) => {
        clearTimeout(timer);
        resolve(result);
      });
      // The frame's origin is opaque: '*' is the only target; the message holds nothing secret.
      frame.contentWindow!.postMessage({ ...message, id }, '*');
    });
  }
}
