<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LiveDesk</name>
    <message>
        <source>lucky bag countdown stopped</source>
        <translation>福袋倒计时已停止</translation>
    </message>
    <message>
        <source>show ended</source>
        <translation>直播结束</translation>
    </message>
    <message>
        <source>Played segments vs plan</source>
        <translation>已播环节对比计划</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>准时</translation>
    </message>
    <message>
        <source>back in the run</source>
        <translation>恢复播出</translation>
    </message>
    <message>
        <source>encore inserted</source>
        <translation>插入返场</translation>
    </message>
    <message>
        <source>message cleared</source>
        <translation>提示已清除</translation>
    </message>
    <message>
        <source>unplayed</source>
        <translation>未播</translation>
    </message>
    <message>
        <source>allowance {seconds} s</source>
        <translation>时长调整 {seconds} 秒</translation>
    </message>
    <message>
        <source>lucky bag countdown {time}</source>
        <translation>福袋倒计时 {time}</translation>
    </message>
    <message>
        <source>message (blinking): {text}</source>
        <translation>提示（闪烁）：{text}</translation>
    </message>
    <message>
        <source>Ended {time}</source>
        <translation>结束于 {time}</translation>
    </message>
    <message>
        <source>{done} segments played · {unplayed} unplayed</source>
        <translation>已播 {done} 段 · 未播 {unplayed} 段</translation>
    </message>
    <message>
        <source>message: {text}</source>
        <translation>提示：{text}</translation>
    </message>
    <message>
        <source>Move to screen</source>
        <translation>移到屏幕</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <source>End the show now? This is the last segment.</source>
        <translation>现在结束直播吗？这是最后一段。</translation>
    </message>
    <message>
        <source>End the show</source>
        <translation>结束直播</translation>
    </message>
    <message>
        <source>Keep going</source>
        <translation>继续直播</translation>
    </message>
    <message>
        <source>End the show now? {n} segments have not been played; they will be logged as unplayed.</source>
        <translation>现在结束直播吗？还有 {n} 段未播，结束后将记为未播。</translation>
    </message>
    <message>
        <source>{step} · {left} left</source>
        <translation>{step} · 剩 {left}</translation>
    </message>
    <message>
        <source> min encore</source>
        <translation> 分钟返场</translation>
    </message>
    <message>
        <source>Stop lucky bag (Shift+F2)</source>
        <translation>停止福袋 (Shift+F2)</translation>
    </message>
    <message>
        <source>Screen for the host screen</source>
        <translation>主播提示屏所在的屏幕</translation>
    </message>
    <message>
        <source>Screen for the prompter</source>
        <translation>提词器所在的屏幕</translation>
    </message>
    <message>
        <source>{step} · {left} over</source>
        <translation>{step} · 超时 {left}</translation>
    </message>
    <message>
        <source>Double-click a segment still to come to skip it or bring it back.</source>
        <translation>双击尚未开始的环节可跳过或恢复。</translation>
    </message>
    <message>
        <source> · Esc closes · right-click: move to another screen</source>
        <translation> · Esc 关闭 · 右键：移到其他屏幕</translation>
    </message>
</context>
</TS>
