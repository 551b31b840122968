#include "reportdocument.h"

#include <utility>

namespace planlines::layers::report {

namespace {

Block &add(Document &d, Block::Kind kind)
{
    Block b;
    b.kind = kind;
    d.blocks.push_back(std::move(b));
    return d.blocks.back();
}

} // namespace

Block &Document::heading(const QString &text, int level)
{
    Block &b = add(*this, Block::Kind::Heading);
    b.text = text;
    b.level = level;
    return b;
}

Block &Document::paragraph(const QString &text)
{
    Block &b = add(*this, Block::Kind::Paragraph);
    b.text = text;
    return b;
}

Block &Document::note(const QString &text)
{
    Block &b = add(*this, Block::Kind::Note);
    b.text = text;
    return b;
}

Block &Document::fields(std::vector<std::pair<QString, QString>> items)
{
    Block &b = add(*this, Block::Kind::Fields);
    b.fields.items = std::move(items);
    return b;
}

Block &Document::table(Table t)
{
    Block &b = add(*this, Block::Kind::Table);
    b.table = std::move(t);
    return b;
}

Block &Document::figure(Figure f)
{
    Block &b = add(*this, Block::Kind::Figure);
    b.figure = std::move(f);
    return b;
}

Block &Document::verdict(Verdict v)
{
    Block &b = add(*this, Block::Kind::Verdict);
    b.verdict = std::move(v);
    return b;
}

Block &Document::signatures(QStringList labels)
{
    Block &b = add(*this, Block::Kind::Signatures);
    b.signatures.labels = std::move(labels);
    return b;
}

Block &Document::pageBreak()
{
    return add(*this, Block::Kind::PageBreak);
}

} // namespace planlines::layers::report
