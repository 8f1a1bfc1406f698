import { QwcHotReloadElement, html, css } from 'qwc-hot-reload-element';
import { JsonRpc } from 'jsonrpc';
import '@vaadin/grid';
import '@vaadin/progress-bar';
import '@qomponent/qui-badge';
import { columnBodyRenderer } from '@vaadin/grid/lit.js';

/**
 * SQLSpec datasources: URL, server, whether Dev Services serve it, commit mode, live pool figures (refreshed every
 * 2 s while the page is shown) and migrations.
 */
export class QwcSqlspecDatasources extends QwcHotReloadElement {

    jsonRpc = new JsonRpc(this);

    static styles = css`
        :host { display: flex; flex-direction: column; height: 100%; padding: 0 10px; }
        vaadin-grid { height: 100%; }
        .muted { color: var(--lumo-secondary-text-color); }
        .error { color: var(--lumo-error-text-color); }
        code { font-size: var(--lumo-font-size-s); }
    `;

    static properties = {
        _dataSources: { state: true },
        _error: { state: true }
    };

    constructor() {
        super();
        this._dataSources = null;
        this._error = null;
        this._timer = null;
    }

    connectedCallback() {
        super.connectedCallback();
        this.hotReload();
        // live pool figures; skipped while the browser tab is hidden
        this._timer = setInterval(() => { if (!document.hidden) this.hotReload(); }, 2000);
    }

    disconnectedCallback() {
        clearInterval(this._timer);
        this._timer = null;
        super.disconnectedCallback();
    }

    hotReload() {
        this.jsonRpc.getDataSources()
            .then(jsonRpcResponse => { this._dataSources = jsonRpcResponse.result; this._error = null; })
            .catch(e => { this._error = e?.error?.message ?? String(e); });
    }

    render() {
        if (this._error) {
            return html`<span class="error">${this._error}</span>`;
        }
        if (!this._dataSources) {
            return html`<vaadin-progress-bar indeterminate></vaadin-progress-bar>`;
        }
        return html`
            <vaadin-grid .items=${this._dataSources} theme="row-stripes no-border" all-rows-visible>
                <vaadin-grid-column header="Name" auto-width flex-grow="0" ${columnBodyRenderer(this._nameRenderer, [])}></vaadin-grid-column>
                <vaadin-grid-column header="Database" width="260px" flex-grow="0" ${columnBodyRenderer(this._databaseRenderer, [])}></vaadin-grid-column>
                <vaadin-grid-column header="URL" width="280px" flex-grow="1" resizable ${columnBodyRenderer(ds => html`<code title=${ds.url ?? ''}>${ds.url ?? ''}</code>`, [])}></vaadin-grid-column>
                <vaadin-grid-column header="Commit mode" auto-width flex-grow="0" ${columnBodyRenderer(this._commitRenderer, [])}></vaadin-grid-column>
                <vaadin-grid-column header="Pool" auto-width flex-grow="0" ${columnBodyRenderer(this._poolRenderer, [])}></vaadin-grid-column>
                <vaadin-grid-column header="Migrations" path="migrations" auto-width flex-grow="0"></vaadin-grid-column>
            </vaadin-grid>`;
    }

    _nameRenderer(ds) {
        return ds.active
            ? html`<b>${ds.name}</b>`
            : html`<b>${ds.name}</b> <qui-badge level="warning" small><span>inactive</span></qui-badge>`;
    }

    _databaseRenderer(ds) {
        const devServices = ds.devServices
            ? html` <qui-badge level="contrast" small><span>Dev Services</span></qui-badge>` : '';
        return html`${ds.server ?? ds.kind ?? ''}${devServices}`;
    }

    _commitRenderer(ds) {
        const extras = [];
        if (ds.extraCommitStatuses?.length) extras.push(`commit also on ${ds.extraCommitStatuses.join(', ')}`);
        if (ds.extraRollbackStatuses?.length) extras.push(`rollback also on ${ds.extraRollbackStatuses.join(', ')}`);
        return html`${ds.commitMode}${extras.length ? html`<br><span class="muted">${extras.join('; ')}</span>` : ''}`;
    }

    _poolRenderer(ds) {
        const p = ds.pool;
        if (!p) {
            return html`<span class="muted">-</span>`;
        }
        // threads waiting for a connection: shown only when there are some
        const waiting = p.awaiting > 0
            ? html` <qui-badge level="error" small><span>${p.awaiting} awaiting</span></qui-badge>` : '';
        return html`${p.active} active, ${p.available} idle, max ${p.max}${waiting}`;
    }
}
customElements.define('qwc-sqlspec-datasources', QwcSqlspecDatasources);
