"""A generated county government site served on loopback, for the site-scan tests and benchmark.

`generate_site(articles)` returns {path: Resource}: a home page, four 栏目 with their lists,
``articles`` article pages (every fourth one in GBK, some declared only by the meta tag), the
same navigation and footer on every page, robots.txt that disallows /private/, a sitemap index
with two sitemaps (one naming a page no link reaches), a redirect loop, a dead link (404), a
page that fails once with 500, a .docx and a .pdf attachment. `PLANTED` says which page holds
which slip. `LoopbackSite` serves such a dict with ETag/If-None-Match, logs every request, and
can be changed between runs.
"""

from __future__ import annotations

import hashlib
import io
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

COLUMNS = (("tzgg", "通知公告"), ("zwdt", "政务动态"), ("zcjd", "政策解读"), ("xxgk", "信息公开"))
NAV_SLIP = "再接再励"  # in the shared footer: reported once, on the first page that has it
BODY = (
    "为深入贯彻落实党中央、国务院决策部署，进一步优化营商环境，县政府常务会议研究部署了"
    "下一阶段重点工作。会议要求，各乡镇、各部门要压实责任，确保各项任务落到实处。"
)
# page path -> the slip planted in it (the right form is what the checker must suggest)
PLANTED = {
    "/xxgk/art0003.html": ("中华人民共合国", "中华人民共和国"),
    "/zcjd/art0010.html": ("截止目前", "截至目前"),  # a GBK page, declared in its header
    "/zwdt/art0021.html": ("攻府", "政府"),
    "/zcjd/art0042.html": ("迫不急待", "迫不及待"),  # GBK, declared by the meta tag only
    "/orphan.html": ("走头无路", "走投无路"),  # only in the sitemap
    "/flaky.html": ("一愁莫展", "一筹莫展"),  # 500 on the first request
    "/files/notice.docx": ("按步就班", "按部就班"),
    "/files/report.pdf": ("中华人民共合国", "中华人民共和国"),
}
PRIVATE_SLIP = ("/private/secret.html", "中华人民共合国")


@dataclass
class Resource:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    location: str | None = None
    fail_first: int = 0  # answer 500 this many times first


def _nav() -> str:
    links = "".join(f'<li><a href="/{slug}/index.html">{name}</a></li>' for slug, name in COLUMNS)
    return f'<div class="nav"><ul><li><a href="/index.html">首页</a></li>{links}</ul></div>'


def _footer() -> str:
    return (
        '<div class="footer"><p>主办单位：某某县人民政府办公室 地址：某某县人民路1号</p>'
        "<p>全县干部群众要再接再励，奋力谱写高质量发展新篇章。</p></div>"
    )


def _page(title: str, column: str, body: str, *, charset: str = "utf-8", day: str = "2026-11-20") -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return (
        f"<!DOCTYPE html><html><head>{meta}<title>{title}</title>"
        f'<meta name="SiteName" content="某某县人民政府"><meta name="ColumnName" content="{column}">'
        f'<meta name="PubDate" content="{day} 09:30"></head><body>{_nav()}'
        f'<div class="content"><h1>{title}</h1>{body}</div>{_footer()}</body></html>'
    )


def pdf_with_text(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer holds ``lines`` (the predefined STSong-Light CJK font)."""
    content = "BT /F1 14 Tf 72 760 Td 18 TL " + " ".join(f"<{line.encode('utf-16-be').hex().upper()}> Tj T*" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        f"<< /Length {len(content.encode())} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>",
        "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R >>",
        "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def docx_with_text(text: str) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _article_body(path: str, number: int) -> str:
    slip = PLANTED.get(path)
    text = f"<p>{BODY}</p><p>本文编号{number:04d}。{BODY}</p>"
    if slip:
        text += f"<p>{slip[0]}有关工作要求，各单位要认真落实。</p>"
    return text


def generate_site(articles: int = 200, host: str = "") -> dict[str, Resource]:
    site: dict[str, Resource] = {}
    per_column: dict[str, list[str]] = {slug: [] for slug, _ in COLUMNS}
    for number in range(articles):
        slug, name = COLUMNS[number % len(COLUMNS)]
        path = f"/{slug}/art{number:04d}.html"
        per_column[slug].append(path)
        title = f"{name}第{number:04d}号"
        gbk = number % 4 == 2
        html = _page(title, name, _article_body(path, number), charset="gbk" if gbk else "utf-8")
        if gbk:  # every other GBK page says so only in its meta tag
            header = "text/html; charset=gbk" if number % 8 == 2 else "text/html"
            site[path] = Resource(html.encode("gbk"), header)
        else:
            site[path] = Resource(html.encode("utf-8"))
    for slug, name in COLUMNS:
        links = "".join(f'<li><a href="{p}">{name}第{p[-9:-5]}号</a></li>' for p in per_column[slug])
        site[f"/{slug}/index.html"] = Resource(_page(name, name, f"<ul>{links}</ul>").encode("utf-8"))
    extra = (
        '<ul><li><a href="/private/secret.html">内部</a></li><li><a href="/loop/a.html">循环</a></li>'
        '<li><a href="/missing.html">失效链接</a></li><li><a href="/flaky.html">偶发错误</a></li>'
        '<li><a href="/files/notice.docx">通知附件</a></li><li><a href="/files/report.pdf">报告附件</a></li>'
        '<li><a href="javascript:void(0)">打印</a></li><li><a href="mailto:xx@example.gov.cn">信箱</a></li>'
        '<li><a href="https://www.gov.cn/">中国政府网</a></li></ul>'
    )
    site["/index.html"] = Resource(_page("某某县人民政府", "首页", f"<p>{BODY}</p>{extra}").encode("utf-8"))
    site["/"] = Resource(b"", status=301, location="/index.html")
    site["/private/secret.html"] = Resource(_page("内部", "内部", f"<p>{PRIVATE_SLIP[1]}</p>").encode("utf-8"))
    site["/loop/a.html"] = Resource(b"", status=302, location="/loop/b.html")
    site["/loop/b.html"] = Resource(b"", status=302, location="/loop/a.html")
    site["/flaky.html"] = Resource(_page("偶发", "通知公告", _article_body("/flaky.html", 9001)).encode("utf-8"), fail_first=1)
    site["/orphan.html"] = Resource(_page("孤页", "信息公开", _article_body("/orphan.html", 9002)).encode("utf-8"))
    site["/files/notice.docx"] = Resource(
        docx_with_text(f"各乡镇要{PLANTED['/files/notice.docx'][0]}推进各项工作。"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    site["/files/report.pdf"] = Resource(
        pdf_with_text([f"{PLANTED['/files/report.pdf'][0]}成立以来，各项事业取得历史性成就。"]), "application/pdf"
    )
    site["/robots.txt"] = Resource(b"User-agent: *\nDisallow: /private/\nSitemap: /sitemap_index.xml\n", "text/plain")
    return site


def add_sitemaps(site: dict[str, Resource], base: str) -> None:
    """The sitemap index and its two sitemaps, with absolute URLs on ``base`` (the server's origin)."""
    pages = sorted(p for p in site if p.endswith(".html") and not p.startswith(("/private/", "/loop/")) and p != "/missing.html")
    half = len(pages) // 2
    for name, chunk in (("sitemap1.xml", pages[:half]), ("sitemap2.xml", pages[half:])):
        urls = "".join(f"<url><loc>{base}{p}</loc></url>" for p in chunk)
        site[f"/{name}"] = Resource(
            f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode(),
            "application/xml",
        )
    index = "".join(f"<sitemap><loc>{base}/{n}</loc></sitemap>" for n in ("sitemap1.xml", "sitemap2.xml"))
    site["/sitemap_index.xml"] = Resource(
        f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{index}</sitemapindex>'.encode(),
        "application/xml",
    )
    robots = site["/robots.txt"]
    site["/robots.txt"] = Resource(robots.body.replace(b"Sitemap: /", f"Sitemap: {base}/".encode()), robots.content_type)


class LoopbackSite:
    """Serves a generated site on 127.0.0.1; ``requests`` logs (method, path, If-None-Match)."""

    def __init__(self, site: dict[str, Resource]):
        self.site = site
        self.requests: list[tuple[str, str, str | None]] = []
        self.failures: dict[str, int] = {}
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                path, _, query = self.path.partition("?")
                outer.requests.append(("GET", path, self.headers.get("If-None-Match")))
                resource = outer.site.get(path)
                if path == "/drip.html":  # a slow drip: a byte every 0.2 s, for a minute
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html; charset=utf-8")
                    self.send_header("Content-Length", "300")
                    self.end_headers()
                    for _ in range(300):
                        try:
                            self.wfile.write(b" ")
                            self.wfile.flush()
                        except OSError:
                            return
                        time.sleep(0.2)
                    return
                if path == "/calendar.html":  # an endless calendar: every month links to the next
                    month = int(query.partition("=")[2] or 0)
                    body = f'<html><body><p>{month}月活动安排</p><a href="/calendar.html?month={month + 1}">下月</a></body></html>'
                    resource = Resource(body.encode("utf-8"))
                if resource is None:
                    return self._send(404, b"not found", "text/plain")
                if resource.fail_first and outer.failures.get(path, 0) < resource.fail_first:
                    outer.failures[path] = outer.failures.get(path, 0) + 1
                    return self._send(500, b"busy", "text/plain")
                if resource.location:
                    return self._send(resource.status, b"", "text/plain", {"Location": resource.location})
                etag = '"' + hashlib.sha1(resource.body).hexdigest()[:16] + '"'
                if self.headers.get("If-None-Match") == etag:
                    return self._send(304, b"", None, {"ETag": etag})
                return self._send(resource.status, resource.body, resource.content_type, {"ETag": etag})

            def _send(self, status, body, content_type, headers=None):
                self.send_response(status)
                if content_type:
                    self.send_header("Content-Type", content_type)
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if body:
                    self.wfile.write(body)

        class Server(ThreadingHTTPServer):
            def handle_error(self, request, client_address):
                pass  # a client closing a kept-alive connection is not news

        self.server = Server(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        add_sitemaps(self.site, self.base)
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def fetched(self, path: str) -> int:
        return sum(1 for method, p, _ in self.requests if p == path)
