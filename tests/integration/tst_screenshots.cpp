#include "../qml/guitestsupport.h"
#include "labfixture.h"

#include <QDir>
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

// Every page of the real executable, in English and in Chinese, rendered against a lab with
// one host in the middle of an upgrade (spawned: two generations side by side), as
// `baton --screenshot FILE --page PAGE --lang LANG` writes it. Any warning fails: QML
// binding errors, missing translations' placeholders, anything. With
// BATON_SCREENSHOT_DIR=DIR the pictures are kept there (the README's come from here).
class TestScreenshots : public QObject
{
    Q_OBJECT

    LabFixture m_lab;
    QString m_inventory;
    QTemporaryDir m_out;

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString missing = LabFixture::missingPrerequisite(); !missing.isEmpty()) {
            QSKIP(qPrintable(missing));
        }
        QVERIFY2(m_lab.up(u"shots"_s, 3), qPrintable(m_lab.lastError()));
        m_inventory = m_lab.directory(u"shots"_s) + u"/inventory.json"_s;
        QProcess batonctl;
        batonctl.start(
            QStringLiteral(BATONCTL_PATH),
            {u"--inventory"_s, m_inventory, u"upgrade"_s, u"--hosts"_s, u"lab-1"_s, u"--until"_s, u"spawned"_s});
        QVERIFY(batonctl.waitForFinished(120000));
        QVERIFY2(batonctl.exitCode() == 0, batonctl.readAllStandardError().constData());
    }

    void page_data()
    {
        QTest::addColumn<QString>("page");
        QTest::addColumn<QString>("language");
        for (const QString &language : {u"en"_s, u"zh_CN"_s}) {
            for (const QString &page :
                 {u"fleet"_s, u"host"_s, u"upgrade"_s, u"rollout"_s, u"compare"_s, u"settings"_s}) {
                QTest::addRow("%s %s", qPrintable(page), qPrintable(language)) << page << language;
            }
        }
    }

    void page()
    {
        QFETCH(QString, page);
        QFETCH(QString, language);
        const QString keep = qEnvironmentVariable("BATON_SCREENSHOT_DIR");
        const QString name = page + (language == u"en" ? QString() : u"-"_s + language) + u".png"_s;
        const QString png = (keep.isEmpty() ? m_out.path() : keep) + u'/' + name;
        QDir().mkpath(QFileInfo(png).path());
        QProcess baton;
        baton.start(QStringLiteral(BATON_PATH),
                    {u"--inventory"_s, m_inventory, u"--screenshot"_s, png, u"--page"_s, page, u"--lang"_s, language});
        QVERIFY(baton.waitForFinished(60000));
        const QByteArray warnings = PlatformWarnings::withoutPlatformLines(baton.readAllStandardError());
        QVERIFY2(baton.exitStatus() == QProcess::NormalExit && baton.exitCode() == 0, warnings.constData());
        QVERIFY2(warnings.isEmpty(), warnings.constData());
        const QImage image(png);
        QCOMPARE(image.size(), QSize(1280, 800));
        const int colours = Screenshot::distinctColours(image);
        QVERIFY2(colours > 20, qPrintable(u"only %1 colours"_s.arg(colours)));
    }

    void unknownPageIsRefused()
    {
        QProcess baton;
        baton.start(QStringLiteral(BATON_PATH),
                    {u"--page"_s, u"nope"_s, u"--screenshot"_s, m_out.filePath(u"x.png"_s)});
        QVERIFY(baton.waitForFinished(30000));
        QCOMPARE(baton.exitCode(), 2);
        QVERIFY(baton.readAllStandardError().contains("unknown page 'nope'"));
    }
};

QTEST_GUILESS_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
