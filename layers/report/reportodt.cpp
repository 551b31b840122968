// The report as OpenDocument text, written by Qt's own ODF writer from the same QTextDocument
// the PDF prints (tables with their borders and widths, bold, colours, the images as PNG in
// Pictures/), with what that writer leaves out put back (odtpatch.h: outline headings, keep
// with next, repeated and shaded header rows, the A4 page with the PDF's footer). WPS and Word
// lay it out themselves: the PDF's page fixes are not carried over.
#include "odtpatch.h"
#include "reportformats.h"
#include "reporttext.h"

#include <geodata/error.h>

#include <QBuffer>
#include <QTextDocumentWriter>

namespace planlines::layers::report {

QByteArray reportOdt(const Document &d)
{
    const ReportText text = buildReportText(d, {}, TextTarget::Odf);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QTextDocumentWriter writer(&buffer, "odf");
    if (!writer.write(text.doc.get()))
        throw geodata::Error("Qt's OpenDocument writer failed");
    buffer.close();
    OdtPatch patch = odtPatchFor(*text.doc);
    QStringList footer;
    for (const QString &s : {d.unit, d.footerLeft})
        if (!s.isEmpty())
            footer << s;
    patch.footerLeft = footer.join(QStringLiteral("　"));
    return patchOdt(bytes, patch);
}

} // namespace planlines::layers::report
