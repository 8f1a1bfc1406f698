import { LitElement, html, css } from 'lit';
import { JsonRpc } from 'jsonrpc';
import '@vaadin/button';
import '@vaadin/icon';
import '@vaadin/checkbox';
import '@vaadin/combo-box';
import '@vaadin/text-area';
import '@vaadin/grid';
import { columnBodyRenderer } from '@vaadin/grid/lit.js';

/**
 * SQL console: run a statement on a datasource. Read-only unless "Allow writes" is ticked.
 * Ctrl+Enter (Cmd+Enter) runs the statement.
 */
export class QwcSqlspecConsole extends LitElement {

    jsonRpc = new JsonRpc(this);

    static styles = css`
        :host { display: flex; flex-direction: column; gap: 10px; height: 100%; padding: 0 10px; }
        .toolbar { display: flex; gap: 15px; align-items: baseline; flex-wrap: wrap; }
        vaadin-text-area { width: 100%; font-family: monospace; }
        vaadin-grid { flex: 1; min-height: 200px; }
        .info { color: var(--lumo-secondary-text-color); font-size: var(--lumo-font-size-s); }
        .warn { color: var(--lumo-warning-text-color, var(--lumo-warning-color)); }
        .error { color: var(--lumo-error-text-color); white-space: pre-wrap; }
        .null { color: var(--lumo-disabled-text-color); font-style: italic; }
    `;

    static properties = {
        _dataSources: { state: true },
        _dataSource: { state: true },
        _sql: { state: true },
        _allowWrite: { state: true },
        _running: { state: true },
        _result: { state: true }
    };

    constructor() {
        super();
        this._dataSources = [];
        this._dataSource = null;
        this._sql = '';
        this._allowWrite = false;
        this._running = false;
        this._result = null;
    }

    connectedCallback() {
        super.connectedCallback();
        this.jsonRpc.getDataSources().then(r => {
            this._dataSources = r.result.filter(ds => ds.active).map(ds => ds.name);
            if (!this._dataSource && this._dataSources.length) {
                this._dataSource = this._dataSources[0];
            }
        });
    }

    render() {
        return html`
            <div class="toolbar">
                <vaadin-combo-box label="Datasource" .items=${this._dataSources} .value=${this._dataSource ?? ''}
                    @value-changed=${e => { this._dataSource = e.detail.value; }}>
                </vaadin-combo-box>
                <vaadin-checkbox label="Allow writes" .checked=${this._allowWrite}
                    @checked-changed=${e => { this._allowWrite = e.detail.value; }}>
                </vaadin-checkbox>
                <vaadin-button theme="primary" ?disabled=${this._running || !this._dataSource || !this._sql.trim()} @click=${this._run}>
                    <vaadin-icon icon="font-awesome-solid:play" slot="prefix"></vaadin-icon> Run
                </vaadin-button>
                ${this._allowWrite ? html`<span class="warn">Writes are committed to the database.</span>` : ''}
            </div>
            <vaadin-text-area label="SQL" placeholder="select * from ..." min-rows="4" max-rows="12"
                .value=${this._sql}
                @value-changed=${e => { this._sql = e.detail.value; }}
                @keydown=${e => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); this._run(); } }}>
            </vaadin-text-area>
            ${this._renderResult()}`;
    }

    _renderResult() {
        const r = this._result;
        if (!r) {
            return '';
        }
        if (r.error) {
            return html`<div class="error">${r.error}</div>`;
        }
        const timing = html`<span>${Number(r.durationMs).toFixed(1)} ms</span>`;
        const notice = r.notice ? html`<div class="warn">${r.notice}</div>` : '';
        if (!r.columns || r.columns.length === 0) {
            return html`${notice}<div class="info">${r.rowsAffected} row(s) affected, ${timing}</div>`;
        }
        // rows are arrays; the grid gets objects keyed by column index
        const items = r.rows.map(row => Object.fromEntries(row.map((v, i) => [i, v])));
        return html`
            <div class="info">
                ${r.rows.length} row(s), ${timing}
                ${r.truncated ? html`<span class="warn"> — result truncated, only the first ${r.rows.length} rows are shown</span>` : ''}
            </div>
            <vaadin-grid .items=${items} theme="row-stripes compact" column-reordering-allowed>
                ${r.columns.map((col, i) => html`
                    <vaadin-grid-column header=${col} auto-width resizable
                        ${columnBodyRenderer(item => this._cell(item[i]), [])}></vaadin-grid-column>`)}
            </vaadin-grid>`;
    }

    _cell(value) {
        if (value === null || value === undefined) {
            return html`<span class="null">null</span>`;
        }
        return typeof value === 'object' ? JSON.stringify(value) : String(value);
    }

    _run() {
        if (this._running || !this._dataSource || !this._sql.trim()) {
            return;
        }
        this._running = true;
        this.jsonRpc.executeSql({ dataSource: this._dataSource, sql: this._sql, allowWrite: this._allowWrite })
            .then(r => { this._result = r.result; })
            .catch(e => { this._result = { error: e?.error?.message ?? String(e) }; })
            .finally(() => { this._running = false; });
    }
}
customElements.define('qwc-sqlspec-console', QwcSqlspecConsole);
