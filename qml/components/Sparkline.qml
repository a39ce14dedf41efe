import QtQuick
import Baton.Ui

// A small line chart of recent samples (connections), oldest on the left.
Canvas {
    id: spark

    property var values: []
    property color tone: Theme.good

    implicitWidth: 80
    implicitHeight: 20
    onValuesChanged: requestPaint()

    Accessible.role: Accessible.Chart
    Accessible.name: qsTr("connections over time")

    onPaint: {
        const ctx = getContext("2d");
        ctx.reset();
        if (!values || values.length < 2)
            return;
        const top = Math.max(1, Math.max(...values));
        const step = width / (values.length - 1);
        ctx.strokeStyle = tone;
        ctx.lineWidth = 1.5;
        ctx.beginPath();
        for (let i = 0; i < values.length; ++i) {
            const x = i * step;
            const y = height - 1 - (values[i] / top) * (height - 2);
            if (i === 0)
                ctx.moveTo(x, y);
            else
                ctx.lineTo(x, y);
        }
        ctx.stroke();
    }
}
