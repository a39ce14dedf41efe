#include "codehighlighter.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QCoreApplication>
#include <QTextDocument>

namespace Baton {

CodeHighlighter::CodeHighlighter(QObject *parent)
    : QObject(parent)
{
}

CodeHighlighter::~CodeHighlighter()
{
    delete m_highlighter.data();
}

KSyntaxHighlighting::Repository &CodeHighlighter::repository()
{
    // made once, and gone with the application object: its definitions hold Qt objects
    // that must not outlive it
    static KSyntaxHighlighting::Repository *repository = [] {
        auto *made = new KSyntaxHighlighting::Repository;
        qAddPostRoutine([] { delete repository; });
        return made;
    }();
    return *repository;
}

void CodeHighlighter::setDocument(QQuickTextDocument *document)
{
    if (m_document == document) {
        return;
    }
    m_document = document;
    apply();
    Q_EMIT documentChanged();
}

void CodeHighlighter::setDefinition(const QString &name)
{
    if (m_definition == name) {
        return;
    }
    m_definition = name;
    apply();
    Q_EMIT definitionChanged();
}

void CodeHighlighter::setDark(bool dark)
{
    if (m_dark == dark) {
        return;
    }
    m_dark = dark;
    apply();
    Q_EMIT darkChanged();
}

bool CodeHighlighter::isValid() const
{
    return repository().definitionForName(m_definition).isValid();
}

void CodeHighlighter::apply()
{
    QTextDocument *text = m_document ? m_document->textDocument() : nullptr;
    if (!text) {
        delete m_highlighter.data();
        return;
    }
    if (!m_highlighter || m_highlighter->document() != text) {
        delete m_highlighter.data();
        m_highlighter = new KSyntaxHighlighting::SyntaxHighlighter(text);
    }
    m_highlighter->setTheme(repository().defaultTheme(m_dark ? KSyntaxHighlighting::Repository::DarkTheme
                                                             : KSyntaxHighlighting::Repository::LightTheme));
    m_highlighter->setDefinition(repository().definitionForName(m_definition));
    m_highlighter->rehighlight();
}

} // namespace Baton
