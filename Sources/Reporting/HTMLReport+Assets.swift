/// The HTML report's stylesheet and script, inlined so that the file opens offline.
extension HTMLReport {
    static let style = """
        :root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#f6f8fa;--high:#c62828;--medium:#ef6c00;--low:#f9a825;--info:#1565c0}
        *{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--fg);background:#fff}
        header{background:#24292f;color:#fff;padding:18px 32px}header h1{margin:0;font-size:22px}.sub{margin:4px 0 0;color:#c9d1d9}
        main{padding:16px 32px;max-width:1400px}h2{font-size:18px;border-bottom:1px solid var(--line);padding-bottom:4px;margin-top:28px}
        .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px}
        .card{border:1px solid var(--line);border-radius:8px;padding:12px 14px;background:var(--bg)}.card .value{font-size:22px;font-weight:600;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
        .card .label{color:var(--muted)}.card.sev-high{border-left:5px solid var(--high)}.card.sev-medium{border-left:5px solid var(--medium)}
        .card.sev-low{border-left:5px solid var(--low)}.card.sev-info{border-left:5px solid var(--info)}
        .charts{display:flex;flex-wrap:wrap;gap:24px;margin-top:16px}.charts figure{margin:0;flex:1 1 420px;max-width:620px;border:1px solid var(--line);border-radius:8px;padding:10px}
        figcaption{font-weight:600;margin-bottom:4px}.chart{width:100%;height:auto}.chart .tick{font-size:11px;fill:#555}.chart .val{font-size:11px;fill:#222}.chart .axis{font-size:12px;fill:#555}
        table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
        th{background:var(--bg);position:sticky;top:0;white-space:nowrap}th.sortable{cursor:pointer;user-select:none}th.sortable:after{content:" ⇅";color:#aaa}
        .num{text-align:right;white-space:nowrap}.muted{color:var(--muted)}.reason{max-width:520px;font-size:13px}
        .badge,.rule{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;font-weight:600;color:#fff;white-space:nowrap}
        .rule{border-radius:4px;background:#eef1f4;color:var(--fg);border-left:4px solid #999;margin:1px 0}
        .sev-high.badge{background:var(--high)}.sev-medium.badge{background:var(--medium)}.sev-low.badge{background:var(--low);color:#222}.sev-info.badge{background:var(--info)}
        .rule.sev-high{border-left-color:var(--high)}.rule.sev-medium{border-left-color:var(--medium)}.rule.sev-low{border-left-color:var(--low)}.rule.sev-info{border-left-color:var(--info)}
        .controls{display:flex;gap:16px;align-items:center;margin:8px 0}.controls input{width:280px;padding:4px 6px}#shown{color:var(--muted)}
        article.contract{border:1px solid var(--line);border-radius:8px;padding:4px 16px 12px;margin:14px 0}article h3{font-size:16px;margin:10px 0 4px}
        .facts{color:var(--muted);margin:2px 0}.desc{font-style:italic;margin:2px 0}.flags li{margin:4px 0}.fields{color:var(--muted);font-size:12px}
        .path{overflow-x:auto;margin-top:6px}.pathsvg text{font-size:12px;fill:#222}.pathsvg .b{font-weight:700}.pathsvg .g{fill:#59636e;font-style:italic}
        .pathsvg .eg{font-size:10.5px;fill:#59636e;font-style:italic}.pathsvg .tier{font-size:11px;fill:#59636e}.pathsvg .share{font-size:12px;font-weight:700}
        table.small,ul.small{font-size:12px}footer{color:var(--muted);padding:16px 32px;border-top:1px solid var(--line)}
        @media print{.controls{display:none!important}th{position:static}}
        """

    static let script = """
        (function(){var t=document.getElementById('queue-table');if(!t)return;var b=t.tBodies[0];
        var rows=Array.prototype.slice.call(b.rows);var c=document.querySelector('.controls');c.hidden=false;
        var f=document.getElementById('filter'),s=document.getElementById('severity'),n=document.getElementById('shown');
        function apply(){var q=f.value.toLowerCase(),v=s.value,k=0;rows.forEach(function(r){var ok=(!v||r.dataset.severity===v)&&(!q||r.textContent.toLowerCase().indexOf(q)>=0);r.hidden=!ok;if(ok)k++;});n.textContent=k+' of '+rows.length+' shown';}
        f.addEventListener('input',apply);s.addEventListener('change',apply);apply();
        Array.prototype.forEach.call(t.tHead.rows[0].cells,function(th,i){th.classList.add('sortable');var dir=1;th.addEventListener('click',function(){
        var type=th.dataset.type;rows.sort(function(x,y){var a=x.cells[i],c=y.cells[i];var p=a.dataset.sort!==undefined?a.dataset.sort:a.textContent,q=c.dataset.sort!==undefined?c.dataset.sort:c.textContent;
        if(type){p=parseFloat(p)||0;q=parseFloat(q)||0;return (p-q)*dir;}return p.localeCompare(q)*dir;});dir=-dir;rows.forEach(function(r){b.appendChild(r);});});});})();
        """
}
