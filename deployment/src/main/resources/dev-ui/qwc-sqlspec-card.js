import { LitElement, html, css } from 'lit';
import { JsonRpc } from 'jsonrpc';
import { pages } from 'build-time-data';
import 'qwc-extension-link';

/**
 * The SQLSpec card on the Extensions page: the essentials (datasources and their commit modes, statements run,
 * cache hit rate, pending migrations) and the links to the pages. A custom card replaces the default card content,
 * so it renders the page links itself (from the build-time "pages" constant).
 */
export class QwcSqlspecCard extends LitElement {

    static styles = css`
        .card-content {
            color: var(--lumo-contrast-90pct);
            display: flex;
            flex-direction: column;
            justify-content: flex-start;
            padding: 2px 2px;
            height: 100%;
        }
        .description { padding-bottom: 6px; color: var(--lumo-contrast-50pct); }
        .facts { font-size: var(--lumo-font-size-s); padding: 0 5px 6px 5px; }
        .facts div { display: flex; justify-content: space-between; gap: 10px; }
        .muted { color: var(--lumo-contrast-50pct); }
        .warn { color: var(--lumo-warning-text-color, var(--lumo-warning-color)); }
    `;

    static properties = {
        extensionName: { attribute: true },
        description: { attribute: true },
        guide: { attribute: true },
        namespace: { attribute: true },
        _summary: { state: true },
        _dataSources: { state: true }
    };

    constructor() {
        super();
        this._summary = null;
        this._dataSources = [];
        this._timer = null;
    }

    connectedCallback() {
        super.connectedCallback();
        // created here, not as a field: a card is not routed, the JsonRpc namespace comes from the "namespace" attribute
        this.jsonRpc = new JsonRpc(this);
        this._refresh();
        this._timer = setInterval(() => { if (!document.hidden) this._refresh(); }, 5000);
    }

    disconnectedCallback() {
        clearInterval(this._timer);
        this._timer = null;
        super.disconnectedCallback();
    }

    _refresh() {
        this.jsonRpc.getSummary().then(r => { this._summary = r.result; }).catch(() => {});
        this.jsonRpc.getDataSources().then(r => { this._dataSources = r.result; }).catch(() => {});
    }

    render() {
        return html`<div class="card-content" slot="content">
            <div class="description">${this.description}</div>
            ${this._renderFacts()}
            ${pages.map(page => html`
                <qwc-extension-link slot="link"
                    namespace="${this.namespace}"
                    extensionName="${this.extensionName}"
                    iconName="${page.icon}"
                    displayName="${page.title}"
                    staticLabel="${page.staticLabel}"
                    dynamicLabel="${page.dynamicLabel}"
                    streamingLabel="${page.streamingLabel}"
                    path="${page.id}"
                    ?embed=${page.embed}
                    externalUrl="${page.metadata.externalUrl}"
                    webcomponent="${page.componentLink}">
                </qwc-extension-link>`)}
        </div>`;
    }

    _renderFacts() {
        const s = this._summary;
        if (!s) {
            return '';
        }
        return html`<div class="facts">
            ${this._dataSources.map(ds => html`<div>
                <span>${ds.name}${ds.active ? '' : html` <span class="muted">(inactive)</span>`}</span>
                <span class="muted">${ds.commitMode}</span>
            </div>`)}
            <div><span>Statements run</span><span>${s.statements}</span></div>
            <div><span>Cache hit rate</span><span>${(s.cacheHitRate * 100).toFixed(0)} %</span></div>
            ${s.pendingMigrations > 0
                ? html`<div class="warn"><span>Pending migrations</span><span>${s.pendingMigrations}</span></div>`
                : ''}
        </div>`;
    }
}
customElements.define('qwc-sqlspec-card', QwcSqlspecCard);
