import { QwcHotReloadElement, html, css } from 'qwc-hot-reload-element';
import { JsonRpc } from 'jsonrpc';
import '@vaadin/grid';
import '@vaadin/button';
import '@vaadin/icon';
import '@vaadin/checkbox';
import '@vaadin/combo-box';
import '@vaadin/text-field';
import { columnBodyRenderer } from '@vaadin/grid/lit.js';

/**
 * Recent statements (newest first), filtered by correlation id and datasource; slow ones highlighted.
 * The statement cache figures are shown above the grid.
 */
export class QwcSqlspecStatements extends QwcHotReloadElement {

    jsonRpc = new JsonRpc(this);

    static styles = css`
        :host { display: flex; flex-direction: column; gap: 10px; height: 100%; padding: 0 10px; }
        .toolbar, .cache { display: flex; gap: 15px; align-items: baseline; flex-wrap: wrap; }
        .cache { color: var(--lumo-secondary-text-color); font-size: var(--lumo-font-size-s); }
        .cache b { color: var(--lumo-body-text-color); }
        vaadin-grid { flex: 1; }
        vaadin-grid::part(slow) { background-color: var(--lumo-warning-color-10pct); }
        vaadin-grid::part(failed) { background-color: var(--lumo-error-color-10pct); }
        .sql { font-family: monospace; font-size: var(--lumo-font-size-s); white-space: pre-wrap;
            display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; }
        .error { color: var(--lumo-error-text-color); white-space: normal; }
        .muted { color: var(--lumo-secondary-text-color); }
    `;

    static properties = {
        _statements: { state: true },
        _cache: { state: true },
        _dataSourceNames: { state: true },
        _correlationId: { state: true },
        _dataSource: { state: true },
        _autoRefresh: { state: true },
        _error: { state: true }
    };

    constructor() {
        super();
        this._statements = [];
        this._cache = null;
        this._dataSourceNames = [];
        this._correlationId = '';
        this._dataSource = '';
        this._autoRefresh = true;
        this._error = null;
        this._timer = null;
    }

    connectedCallback() {
        super.connectedCallback();
        this.jsonRpc.getDataSources().then(r => { this._dataSourceNames = r.result.map(ds => ds.name); });
        this.hotReload();
        this._timer = setInterval(() => { if (this._autoRefresh && !document.hidden) this.hotReload(); }, 2000);
    }

    disconnectedCallback() {
        clearInterval(this._timer);
        this._timer = null;
        super.disconnectedCallback();
    }

    hotReload() {
        this.jsonRpc.getStatements({ correlationId: this._correlationId, dataSource: this._dataSource })
            .then(r => { this._statements = r.result; this._error = null; })
            .catch(e => { this._error = e?.error?.message ?? String(e); });
        this.jsonRpc.getStatementCache().then(r => { this._cache = r.result; });
    }

    render() {
        return html`
            ${this._renderCache()}
            <div class="toolbar">
                <vaadin-text-field label="Correlation id" clear-button-visible
                    .value=${this._correlationId}
                    @change=${e => { this._correlationId = e.target.value.trim(); this.hotReload(); }}>
                </vaadin-text-field>
                <vaadin-combo-box label="Datasource" clear-button-visible placeholder="all"
                    .items=${this._dataSourceNames}
                    .value=${this._dataSource}
                    @value-changed=${e => { if (e.detail.value !== this._dataSource) { this._dataSource = e.detail.value ?? ''; this.hotReload(); } }}>
                </vaadin-combo-box>
                <vaadin-button theme="small" @click=${() => this.hotReload()}>
                    <vaadin-icon icon="font-awesome-solid:rotate" slot="prefix"></vaadin-icon> Refresh
                </vaadin-button>
                <vaadin-checkbox label="Auto refresh (2 s)" .checked=${this._autoRefresh}
                    @checked-changed=${e => { this._autoRefresh = e.detail.value; }}>
                </vaadin-checkbox>
            </div>
            ${this._error ? html`<span class="error">${this._error}</span>` : ''}
            <vaadin-grid .items=${this._statements} theme="row-stripes no-border" column-reordering-allowed
                .cellPartNameGenerator=${(column, model) => model.item.error ? 'failed' : (model.item.slow ? 'slow' : '')}>
                <vaadin-grid-column header="At" auto-width ${columnBodyRenderer(s => html`${this._time(s.at)}`, [])}></vaadin-grid-column>
                <vaadin-grid-column header="Correlation id" auto-width resizable ${columnBodyRenderer(s => s.correlationId ? html`${s.correlationId}` : html`<span class="muted" title="outside an HTTP request (start-up, migrations, scheduled work)">-</span>`, [])}></vaadin-grid-column>
                <vaadin-grid-column header="Datasource" path="dataSource" auto-width></vaadin-grid-column>
                <vaadin-grid-column header="Operation" path="operation" auto-width></vaadin-grid-column>
                <vaadin-grid-column header="SQL (whole text on hover)" width="300px" flex-grow="1" resizable ${columnBodyRenderer(this._sqlRenderer, [])}></vaadin-grid-column>
                <vaadin-grid-column header="ms" text-align="end" auto-width ${columnBodyRenderer(this._durationRenderer, [])}></vaadin-grid-column>
                <vaadin-grid-column header="Rows" text-align="end" auto-width ${columnBodyRenderer(s => s.rows >= 0 ? html`${s.rows}` : html`<span class="muted" title="a query: rows are not counted">-</span>`, [])}></vaadin-grid-column>
                <span slot="empty-state">No statements recorded${this._correlationId || this._dataSource ? ' for this filter' : ' yet'}.</span>
            </vaadin-grid>`;
    }

    _renderCache() {
        const c = this._cache;
        if (!c) return '';
        return html`<div class="cache">
            <span>Statement cache: <b>${c.size}</b> / ${c.capacity}</span>
            <span>hits <b>${c.hits}</b></span>
            <span>misses <b>${c.misses}</b></span>
            <span>evictions <b>${c.evictions}</b></span>
            <span>hit rate <b>${(c.hitRate * 100).toFixed(1)} %</b></span>
        </div>`;
    }

    _sqlRenderer(s) {
        return html`<div class="sql" title=${s.sql}>${s.sql}</div>
            ${s.error ? html`<div class="error">${s.error}</div>` : ''}`;
    }

    _durationRenderer(s) {
        const ms = Number(s.durationMs).toFixed(1);
        return s.slow ? html`<vaadin-icon icon="font-awesome-solid:hourglass-end" title="slow"></vaadin-icon> <b>${ms}</b>` : html`${ms}`;
    }

    _time(at) {
        const d = new Date(at);
        return isNaN(d) ? at : d.toLocaleTimeString(undefined, { hour12: false }) + '.' + String(d.getMilliseconds()).padStart(3, '0');
    }
}
customElements.define('qwc-sqlspec-statements', QwcSqlspecStatements);
