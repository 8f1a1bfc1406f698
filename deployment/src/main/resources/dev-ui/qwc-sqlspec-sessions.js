import { QwcHotReloadElement, html, css } from 'qwc-hot-reload-element';
import { JsonRpc } from 'jsonrpc';
import '@vaadin/button';
import '@vaadin/icon';
import '@vaadin/progress-bar';
import { notifier } from 'notifier';

/**
 * Database-backed HTTP sessions: live / expired counts and a Purge button for the expired ones.
 */
export class QwcSqlspecSessions extends QwcHotReloadElement {

    jsonRpc = new JsonRpc(this);

    static styles = css`
        :host { display: flex; flex-direction: column; gap: 15px; padding: 10px; }
        .figures { display: flex; gap: 40px; }
        .figure { display: flex; flex-direction: column; }
        .figure .value { font-size: var(--lumo-font-size-xxxl); font-weight: bold; }
        .figure .label, .muted { color: var(--lumo-secondary-text-color); }
        .purged { color: var(--lumo-success-text-color); }
        .error { color: var(--lumo-error-text-color); }
    `;

    static properties = {
        _sessions: { state: true },
        _purging: { state: true },
        _lastPurge: { state: true },
        _error: { state: true }
    };

    constructor() {
        super();
        this._sessions = null;
        this._purging = false;
        this._lastPurge = null;
        this._error = null;
    }

    connectedCallback() {
        super.connectedCallback();
        this.hotReload();
    }

    hotReload() {
        this.jsonRpc.getHttpSessions()
            .then(r => { this._sessions = r.result; this._error = null; })
            .catch(e => { this._error = e?.error?.message ?? String(e); });
    }

    render() {
        if (this._error) {
            return html`<span class="error">${this._error}</span>`;
        }
        const s = this._sessions;
        if (!s) {
            return html`<vaadin-progress-bar indeterminate></vaadin-progress-bar>`;
        }
        if (!s.enabled) {
            return html`<div class="muted">
                Database-backed HTTP sessions are not enabled
                (<code>quarkus.sqlspec.http-session.enabled=true</code> enables them).
            </div>`;
        }
        return html`
            <div class="muted">Datasource <code>${s.where}</code></div>
            <div class="figures">
                <div class="figure"><span class="value">${s.live}</span><span class="label">live</span></div>
                <div class="figure"><span class="value">${s.expired}</span><span class="label">expired</span></div>
            </div>
            <div>
                <vaadin-button theme="primary error" ?disabled=${this._purging} @click=${this._purge}>
                    <vaadin-icon icon="font-awesome-solid:broom" slot="prefix"></vaadin-icon> Purge expired sessions
                </vaadin-button>
                <vaadin-button theme="tertiary" @click=${() => this.hotReload()}>
                    <vaadin-icon icon="font-awesome-solid:rotate" slot="prefix"></vaadin-icon> Refresh
                </vaadin-button>
            </div>
            ${this._lastPurge !== null
                ? html`<div class="purged">${this._lastPurge} expired session${this._lastPurge === 1 ? '' : 's'} deleted.</div>`
                : ''}`;
    }

    _purge() {
        this._purging = true;
        this.jsonRpc.purgeHttpSessions()
            .then(r => {
                this._lastPurge = r.result.deleted;
                notifier.showInfoMessage(`${r.result.deleted} expired session(s) deleted`);
                this.hotReload();
            })
            .catch(e => notifier.showErrorMessage(e?.error?.message ?? String(e)))
            .finally(() => { this._purging = false; });
    }
}
customElements.define('qwc-sqlspec-sessions', QwcSqlspecSessions);
