import { QwcHotReloadElement, html, css } from 'qwc-hot-reload-element';
import { JsonRpc } from 'jsonrpc';
import '@vaadin/button';
import '@vaadin/icon';
import '@vaadin/text-field';
import '@vaadin/progress-bar';
import '@qomponent/qui-badge';

/**
 * Migrations per datasource: the current version, applied / pending / modified / missing migrations, and the
 * upgrade, downgrade -1 and create-migration commands (the same command lines as the dev console's `sqlspec ...`).
 */
export class QwcSqlspecMigrations extends QwcHotReloadElement {

    jsonRpc = new JsonRpc(this);

    static styles = css`
        :host { display: flex; flex-direction: column; gap: 20px; padding: 10px; }
        .ds { border: 1px solid var(--lumo-contrast-10pct); border-radius: var(--lumo-border-radius-m); padding: 10px 15px; }
        .header { display: flex; gap: 15px; align-items: baseline; flex-wrap: wrap; }
        .actions { display: flex; gap: 10px; align-items: baseline; flex-wrap: wrap; margin: 10px 0; }
        .lists { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: 10px; }
        h3 { margin: 0; }
        h4 { margin: 5px 0; color: var(--lumo-secondary-text-color); }
        ul { margin: 0; padding-left: 20px; font-size: var(--lumo-font-size-s); }
        .muted { color: var(--lumo-secondary-text-color); }
        .warn { color: var(--lumo-error-text-color); }
        pre { background: var(--lumo-contrast-5pct); padding: 10px; margin: 0; white-space: pre-wrap; font-size: var(--lumo-font-size-s); }
        pre.failed { border-left: 3px solid var(--lumo-error-color); }
    `;

    static properties = {
        _migrations: { state: true },
        _running: { state: true },
        _output: { state: true },
        _messages: { state: true },
        _error: { state: true }
    };

    constructor() {
        super();
        this._migrations = null;
        this._running = false;
        this._output = {};   // dataSource -> {exitCode, output}
        this._messages = {}; // dataSource -> message of the migration to create
        this._error = null;
    }

    connectedCallback() {
        super.connectedCallback();
        this.hotReload();
    }

    hotReload() {
        this.jsonRpc.getMigrations()
            .then(r => { this._migrations = r.result; this._error = null; })
            .catch(e => { this._error = e?.error?.message ?? String(e); });
    }

    render() {
        if (this._error) {
            return html`<span class="warn">${this._error}</span>`;
        }
        if (!this._migrations) {
            return html`<vaadin-progress-bar indeterminate></vaadin-progress-bar>`;
        }
        if (this._migrations.length === 0) {
            return html`<span class="muted">No datasource has migrations.</span>`;
        }
        return html`${this._migrations.map(m => this._renderDataSource(m))}`;
    }

    _renderDataSource(m) {
        const ds = m.dataSource;
        const out = this._output[ds];
        return html`<div class="ds">
            <div class="header">
                <h3>${ds}</h3>
                <span>current: <b>${m.current ?? 'base (none applied)'}</b></span>
                ${m.pending.length ? html`<qui-badge level="warning" small><span>${m.pending.length} pending</span></qui-badge>` : ''}
                ${m.modified.length ? html`<qui-badge level="error" small><span>${m.modified.length} modified</span></qui-badge>` : ''}
                ${m.missing.length ? html`<qui-badge level="error" small><span>${m.missing.length} missing</span></qui-badge>` : ''}
            </div>
            <div class="actions">
                <vaadin-button theme="primary" ?disabled=${this._running || m.pending.length === 0}
                        @click=${() => this._run(ds, 'upgrade')}>
                    <vaadin-icon icon="font-awesome-solid:arrow-up" slot="prefix"></vaadin-icon> Upgrade
                </vaadin-button>
                <vaadin-button theme="error" ?disabled=${this._running || m.applied.length === 0}
                        @click=${() => this._downgrade(ds)}>
                    <vaadin-icon icon="font-awesome-solid:arrow-down" slot="prefix"></vaadin-icon> Downgrade -1
                </vaadin-button>
                <vaadin-text-field placeholder="what the new migration does" clear-button-visible
                        .value=${this._messages[ds] ?? ''}
                        @value-changed=${e => { this._messages = { ...this._messages, [ds]: e.detail.value }; }}
                        @keydown=${e => { if (e.key === 'Enter') this._create(ds); }}>
                </vaadin-text-field>
                <vaadin-button ?disabled=${this._running || !(this._messages[ds] ?? '').trim()} @click=${() => this._create(ds)}>
                    <vaadin-icon icon="font-awesome-solid:plus" slot="prefix"></vaadin-icon> Create migration
                </vaadin-button>
            </div>
            ${out ? html`<pre class=${out.exitCode === 0 ? '' : 'failed'}>${out.output}</pre>` : ''}
            <div class="lists">
                ${this._list('Applied', m.applied, a => html`<b>${a.version}</b> ${a.description}
                    <span class="muted">(${a.appliedAt}, ${a.executionTimeMs} ms${a.appliedBy ? ', by ' + a.appliedBy : ''})</span>`)}
                ${this._list('Pending', m.pending, p => html`<b>${p.version}</b> ${p.description} <span class="muted">${p.file}</span>`)}
                ${this._list('Modified since applied', m.modified, x => html`<span class="warn"><b>${x.version}</b> ${x.file}</span>`)}
                ${this._list('Applied but missing', m.missing, x => html`<span class="warn"><b>${x.version}</b></span>`)}
            </div>
        </div>`;
    }

    _list(title, items, renderItem) {
        if (!items || items.length === 0) {
            return '';
        }
        return html`<div><h4>${title} (${items.length})</h4><ul>${items.map(i => html`<li>${renderItem(i)}</li>`)}</ul></div>`;
    }

    _downgrade(ds) {
        if (confirm(`Revert the last applied migration of ${ds}?`)) {
            this._run(ds, 'downgrade -1');
        }
    }

    _create(ds) {
        const message = (this._messages[ds] ?? '').trim();
        if (!message) {
            return;
        }
        this._run(ds, `create-migration -m "${message.replaceAll('"', "'")}"`).then(() => {
            this._messages = { ...this._messages, [ds]: '' };
        });
    }

    _run(ds, command) {
        this._running = true;
        return this.jsonRpc.runMigrationCommand({ commandLine: `${command} --datasource ${ds}` })
            .then(r => { this._output = { ...this._output, [ds]: r.result }; })
            .catch(e => { this._output = { ...this._output, [ds]: { exitCode: 1, output: e?.error?.message ?? String(e) } }; })
            .finally(() => { this._running = false; this.hotReload(); });
    }
}
customElements.define('qwc-sqlspec-migrations', QwcSqlspecMigrations);
