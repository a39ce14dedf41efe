#pragma once

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QQuickTextDocument>

#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>

namespace Baton {

/**
 * @brief Highlights a TextEdit's document with one of KSyntaxHighlighting's definitions
 * ("nginx Configuration", "Bash", "Diff"), in the light or dark default theme.
 *
 * @code
 * TextEdit { id: edit }
 * CodeHighlighter { document: edit.textDocument; definition: "nginx Configuration" }
 * @endcode
 */
class CodeHighlighter : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QQuickTextDocument *document READ document WRITE setDocument NOTIFY documentChanged)
    Q_PROPERTY(QString definition READ definition WRITE setDefinition NOTIFY definitionChanged)
    Q_PROPERTY(bool dark READ isDark WRITE setDark NOTIFY darkChanged)
    /// the definition was found in the repository
    Q_PROPERTY(bool valid READ isValid NOTIFY definitionChanged)

public:
    explicit CodeHighlighter(QObject *parent = nullptr);
    ~CodeHighlighter() override;

    QQuickTextDocument *document() const { return m_document; }
    void setDocument(QQuickTextDocument *document);
    QString definition() const { return m_definition; }
    void setDefinition(const QString &name);
    bool isDark() const { return m_dark; }
    void setDark(bool dark);
    bool isValid() const;

    static KSyntaxHighlighting::Repository &repository();

Q_SIGNALS:
    void documentChanged();
    void definitionChanged();
    void darkChanged();

private:
    void apply();

    QPointer<QQuickTextDocument> m_document;
    QString m_definition;
    bool m_dark = false;
    /// a child of the document it highlights: gone with it
    QPointer<KSyntaxHighlighting::SyntaxHighlighter> m_highlighter;
};

} // namespace Baton
