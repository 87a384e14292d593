#!/usr/bin/env python3
"""Makes a scaled benchmark corpus: N documents copied round-robin from the given folders, each copy made distinct
(different bytes, so a different sha256) without changing what a reader sees much:
  .txt/.html  a line naming the copy appended;  .pdf  a comment after %%EOF;  .docx  a comment after the root of
  word/document.xml;
  .doc        bytes appended (OLE2 readers ignore a tail).
Usage: make_corpus.py OUT N SRC_DIR [SRC_DIR ...]"""
import os, sys, zipfile, io

out, n, srcs = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
exts = ('.txt', '.html', '.htm', '.pdf', '.docx', '.doc')
files = sorted(os.path.join(d, f) for d in srcs for f in os.listdir(d)
               if f.lower().endswith(exts) and os.path.isfile(os.path.join(d, f)))
os.makedirs(out, exist_ok=True)
for i in range(n):
    src = files[i % len(files)]
    base = os.path.basename(src)
    stem, ext = os.path.splitext(base)
    ext = ext.lower()
    data = open(src, 'rb').read()
    if i >= len(files):  # the first round is the originals, later rounds are varied copies
        tag = ('copy %d' % i).encode()
        if ext == '.txt':
            data = data + b'\n' + tag + b'\n'
        elif ext in ('.html', '.htm'):
            data = data + b'\n<!-- ' + tag + b' -->\n'
        elif ext == '.pdf':
            data = data + b'\n%' + tag + b'\n'
        elif ext == '.docx':
            buf = io.BytesIO()
            with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as zout:
                for item in zin.infolist():
                    body = zin.read(item.filename)
                    if item.filename == 'word/document.xml':
                        # a comment after the root element: new bytes, same document (an extra zip entry would be
                        # a part without a content type, which makes OOXML readers refuse the whole file)
                        body = body + b'<!-- ' + tag + b' -->'
                    zout.writestr(item, body)
            data = buf.getvalue()
        else:
            data = data + tag
    open(os.path.join(out, '%04d_%s%s' % (i, stem, ext)), 'wb').write(data)
print(n, 'documents in', out)
