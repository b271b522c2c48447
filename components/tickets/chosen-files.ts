import { msg, str } from '@lit/localize';
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { TicketLimits } from '../api/types.ts';
import { formatBytes } from './labels.ts';

/** Whether a file looks like one the server takes (it checks the content itself). */
const acceptable = (file: File, accept: string[]) =>
  accept.includes(file.type) || accept.includes(`.${file.name.split('.').pop()?.toLowerCase() ?? ''}`);

/**
 * The files chosen for a ticket message, and their file input: what the new-ticket form and the
 * reply box share. Files over the size limit, past the count limit or of a type the server does
 * not take are named at once and left out, so nothing is sent only to be refused.
 */
export class ChosenFiles implements ReactiveController {
  files: File[] = [];
  problems: string[] = [];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly limits: () => TicketLimits | undefined,
    private readonly id: string,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  add(chosen: FileList | File[]) {
    const limits = this.limits();
    this.problems = [];
    for (const file of chosen) {
      if (!limits) {
        this.files = [...this.files, file];
        continue;
      }
      if (this.files.length >= limits.maxFilesPerMessage) this.problems.push(msg(str`${file.name}: at most ${limits.maxFilesPerMessage} files per message.`));
      else if (file.size > limits.maxFileBytes) this.problems.push(msg(str`${file.name} is ${formatBytes(file.size)}: each file may be at most ${formatBytes(limits.maxFileBytes)}.`));
      else if (!acceptable(file, limits.accept)) this.problems.push(msg(str`${file.name}: attach images (PNG, JPEG, GIF, WebP), PDF documents or .txt files.`));
      else this.files = [...this.files, file];
    }
    this.host.requestUpdate();
  }

  remove(file: File) {
    this.files = this.files.filter((f) => f !== file);
    this.problems = [];
    this.host.requestUpdate();
  }

  clear() {
    this.files = [];
    this.problems = [];
    this.host.requestUpdate();
  }

  /** The file input, the chosen files with a Remove button each, and what was left out and why. */
  render(serverProblems: string[] = []) {
    const limits = this.limits();
    const problems = [...this.problems, ...serverProblems];
    return html`
      <div class="field files" part="files">
        <label for=${this.id}>${msg('Attach files')} <span class="muted">${msg('(optional)')}</span></label>
        <input
          id=${this.id}
          type="file"
          multiple
          accept=${limits?.accept.join(',') ?? nothing}
          aria-describedby="${this.id}-hint"
          aria-invalid=${problems.length ? 'true' : 'false'}
          @change=${(e: Event) => {
            const input = e.target as HTMLInputElement;
            if (input.files) this.add(input.files);
            input.value = '';
          }}
        />
        <p class="hint" id="${this.id}-hint">
          ${limits ? msg(str`Images, PDF or plain text; up to ${limits.maxFilesPerMessage} files of ${formatBytes(limits.maxFileBytes)} each.`) : msg('Images, PDF or plain text.')}
        </p>
        ${this.files.length
          ? html`<ul class="chosen">
              ${this.files.map(
                (f) => html`<li>
                  <span>${f.name}</span> <span class="muted">(${formatBytes(f.size)})</span>
                  <button class="link-button" type="button" aria-label=${msg(str`Remove ${f.name}`)} @click=${() => this.remove(f)}>${msg('Remove')}</button>
                </li>`,
              )}
            </ul>`
          : nothing}
        ${problems.map((p) => html`<p class="field-error" role="alert">${p}</p>`)}
      </div>
    `;
  }
}
